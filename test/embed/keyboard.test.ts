/** The deck keyboard rule (src/embed/keyboard.ts). */
import { describe, expect, it } from 'vitest';
import { decideKey, isNavigationKey, revealCall, storyDirection, type KeyInput } from '../../src/embed/keyboard';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: k, focus: 'other', ...extra });
const middle = { position: 2, length: 5 };

describe('decideKey', () => {
  it('steps a story with → / Space / PageDown / N and ← / PageUp / P, Home back to the start', () => {
    for (const k of ['ArrowRight', ' ', 'PageDown', 'n', 'N']) expect(decideKey(key(k), middle)).toBe('next');
    for (const k of ['ArrowLeft', 'PageUp', 'p']) expect(decideKey(key(k), middle)).toBe('back');
    expect(decideKey(key('Home'), middle)).toBe('home');
  });

  it('leaves the key to the deck when there is no step to go to', () => {
    expect(decideKey(key('ArrowRight'), { position: 5, length: 5 })).toBe('deck');
    expect(decideKey(key('PageDown'), { position: 5, length: 5 })).toBe('deck');
    expect(decideKey(key('ArrowLeft'), { position: 0, length: 5 })).toBe('deck');
    expect(decideKey(key('Home'), { position: 0, length: 5 })).toBe('pass');
    expect(decideKey(key('ArrowRight'), null)).toBe('pass');
  });

  it('Escape hands focus back, with or without a story', () => {
    expect(decideKey(key('Escape'), null)).toBe('release');
    expect(decideKey(key('Escape'), middle)).toBe('release');
  });

  it('never takes keys from text fields or modified keys; Space is → whatever control has focus', () => {
    expect(decideKey(key('ArrowRight', { focus: 'text' }), middle)).toBe('pass');
    expect(decideKey(key('Escape', { focus: 'text' }), middle)).toBe('pass');
    expect(decideKey(key('ArrowRight', { ctrlKey: true }), middle)).toBe('pass');
    expect(decideKey(key('ArrowRight', { altKey: true }), middle)).toBe('pass');
    expect(decideKey(key('ArrowRight', { shiftKey: true }), middle)).toBe('pass');
    expect(decideKey(key(' ', { focus: 'text' }), middle)).toBe('pass');
    for (const k of [' ', 'ArrowRight', 'PageDown']) {
      expect(decideKey(key(k, { focus: 'button' }), middle), k).toBe('next');
      expect(decideKey(key(k, { focus: 'button' }), { position: 5, length: 5 }), `${k} at the end`).toBe('deck');
    }
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

describe('revealCall', () => {
  it('maps a passed-on key to reveal.js postMessage API calls', () => {
    for (const k of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'n']) expect(revealCall(k), k).toEqual({ method: 'next' });
    for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp', 'p']) expect(revealCall(k), k).toEqual({ method: 'prev' });
    expect(revealCall(' ', true)).toEqual({ method: 'prev' });
    expect(revealCall('Home')).toEqual({ method: 'slide', args: [0] });
    expect(revealCall('Escape')).toBeNull();
    expect(revealCall('a')).toBeNull();
  });
});

describe('storyDirection (the reveal.js plugin, focus in the deck)', () => {
  it('→ / PageDown / Space / N step, ← / PageUp / P / Shift+Space go back, nothing else', () => {
    for (const k of ['ArrowRight', 'PageDown', ' ', 'n', 'N']) expect(storyDirection({ key: k }), k).toBe('step');
    for (const k of ['ArrowLeft', 'PageUp', 'p']) expect(storyDirection({ key: k }), k).toBe('back');
    expect(storyDirection({ key: ' ', shiftKey: true })).toBe('back');
    expect(storyDirection({ key: 'ArrowRight', shiftKey: true })).toBeNull();
    expect(storyDirection({ key: 'PageDown', ctrlKey: true })).toBeNull();
    expect(storyDirection({ key: 'Escape' })).toBeNull();
    expect(storyDirection({ key: 'ArrowDown' })).toBeNull();
  });
});
