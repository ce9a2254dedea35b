/** The deck keyboard rule (src/embed/keyboard.ts). */
import { describe, expect, it } from 'vitest';
import { decideKey, isNavigationKey, type KeyInput } from '../../src/embed/keyboard';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: k, focus: 'other', ...extra });
const middle = { position: 2, length: 5 };

describe('decideKey', () => {
  it('steps a story with → / Space / PageDown and ← / PageUp, Home back to the start', () => {
    for (const k of ['ArrowRight', ' ', 'PageDown']) expect(decideKey(key(k), middle)).toBe('next');
    for (const k of ['ArrowLeft', 'PageUp']) expect(decideKey(key(k), middle)).toBe('back');
    expect(decideKey(key('Home'), middle)).toBe('home');
  });

  it('leaves the key to the deck when there is no step to go to', () => {
    expect(decideKey(key('ArrowRight'), { position: 5, length: 5 })).toBe('pass');
    expect(decideKey(key('ArrowLeft'), { position: 0, length: 5 })).toBe('pass');
    expect(decideKey(key('Home'), { position: 0, length: 5 })).toBe('pass');
    expect(decideKey(key('ArrowRight'), null)).toBe('pass');
  });

  it('Escape hands focus back, with or without a story', () => {
    expect(decideKey(key('Escape'), null)).toBe('release');
    expect(decideKey(key('Escape'), middle)).toBe('release');
  });

  it('never takes keys from text fields, modified keys, or Space from a button', () => {
    expect(decideKey(key('ArrowRight', { focus: 'text' }), middle)).toBe('pass');
    expect(decideKey(key('Escape', { focus: 'text' }), middle)).toBe('pass');
    expect(decideKey(key('ArrowRight', { ctrlKey: true }), middle)).toBe('pass');
    expect(decideKey(key('ArrowRight', { altKey: true }), middle)).toBe('pass');
    expect(decideKey(key('ArrowRight', { shiftKey: true }), middle)).toBe('pass');
    expect(decideKey(key(' ', { focus: 'button' }), middle)).toBe('pass');
    expect(decideKey(key('ArrowRight', { focus: 'button' }), middle)).toBe('next');
  });

  it('ignores other keys', () => {
    expect(decideKey(key('s'), middle)).toBe('pass');
    expect(decideKey(key('ArrowUp'), middle)).toBe('pass');
  });
});

describe('isNavigationKey', () => {
  it('is true for the keys a deck navigates with, without modifiers', () => {
    for (const k of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', ' ', 'PageDown', 'PageUp', 'Home', 'End']) expect(isNavigationKey(k)).toBe(true);
    expect(isNavigationKey('Escape')).toBe(false);
    expect(isNavigationKey('a')).toBe(false);
    expect(isNavigationKey('ArrowRight', { metaKey: true })).toBe(false);
  });
});
