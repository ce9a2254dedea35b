import { describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LearnProvider } from '../../../../src/features/log/learn/LearnContext';
import { LearnToggle } from '../../../../src/features/log/learn/LearnToggle';
import { createLearnStore, LEARN_STORAGE_KEY, parseLearnParam, type LearnStorage } from '../../../../src/features/log/learn/learnStore';

function memoryStorage(initial: Record<string, string> = {}): LearnStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('parseLearnParam', () => {
  it.each([
    ['?learn=0', false],
    ['?learn=false', false],
    ['?learn=OFF', false],
    ['?learn=1', true],
    ['?learn=', true],
    ['?learn=yes', true],
    ['?scenario=x', null],
    ['?learn=maybe', null],
    ['', null],
  ])('%s → %s', (search, expected) => {
    expect(parseLearnParam(search)).toBe(expected);
  });

  it('reads a raw attribute value and URLSearchParams', () => {
    expect(parseLearnParam('0', { raw: true })).toBe(false);
    expect(parseLearnParam('', { raw: true })).toBe(true);
    expect(parseLearnParam(new URLSearchParams('learn=0'))).toBe(false);
    expect(parseLearnParam(null)).toBeNull();
  });
});

describe('createLearnStore', () => {
  it('is ON by default and remembers the reader’s choice', () => {
    const storage = memoryStorage();
    const store = createLearnStore({ storage });
    expect(store.get()).toBe(true);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set(false);
    expect(store.get()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(storage.data[LEARN_STORAGE_KEY]).toBe('0');
    // A new page load reads it back.
    expect(createLearnStore({ storage }).get()).toBe(false);
  });

  it('a URL override wins for the visit; toggling then applies and is remembered', () => {
    const storage = memoryStorage({ [LEARN_STORAGE_KEY]: '1' });
    const store = createLearnStore({ storage, override: false });
    expect(store.get()).toBe(false);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set(true);
    expect(store.get()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(storage.data[LEARN_STORAGE_KEY]).toBe('1');
  });

  it('survives a storage that throws (sandboxed frames, private mode)', () => {
    const storage: LearnStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const store = createLearnStore({ storage, initial: false });
    expect(store.get()).toBe(false);
    store.set(true);
    expect(store.get()).toBe(true);
  });
});

describe('LearnToggle', () => {
  it('is a button named exactly "Learn" with aria-pressed, following its provider', () => {
    const on = renderToStaticMarkup(createElement(LearnProvider, null, createElement(LearnToggle)));
    expect(on).toMatch(/^<button type="button" class="learn-toggle" aria-pressed="true"/);
    expect(on.replace(/<[^>]+>/g, '')).toBe('Learn');
    const off = renderToStaticMarkup(createElement(LearnProvider, { learn: false }, createElement(LearnToggle)));
    expect(off).toContain('aria-pressed="false"');
  });
});
