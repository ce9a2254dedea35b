/** Saves of an embed: envelope validation, base64url links (100 kB limit), storage keys, storage errors. */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { SAVE_VERSION, createArchitecture, ecommerceScenario, type Architecture } from '../../machines';
import {
  EMBED_SAVE_FORMAT,
  MAX_STATE_LINK_CHARS,
  clearSave,
  encodeStateHash,
  fromBase64Url,
  loadSave,
  makeEmbedSave,
  readEmbedSave,
  readStateHash,
  stateLink,
  storageKey,
  toBase64Url,
  writeSave,
  type KeyValueStorage,
} from '../../src/embed/persistence';
import { DEFAULT_EMBED_OPTIONS } from '../../src/embed/embedParams';
import { memoryStorage } from './memoryStorage';

const running: Architecture[] = [];
/** The clock of the last `architecture()`. */
let clock = new SimulatedClock();
function architecture(): Architecture {
  clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  const a = createArchitecture(ecommerceScenario, { clock });
  running.push(a);
  return a;
}
afterEach(() => {
  for (const a of running.splice(0)) a.stop();
});


describe('base64url', () => {
  it('round-trips UTF-8 text without padding or unsafe characters', () => {
    for (const text of ['', 'a', 'ab', 'abc', '{"x":"é ü 🐳"}', 'x'.repeat(100_000)]) {
      const encoded = toBase64Url(text);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(encoded)).toBe(text);
    }
  });

  it('refuses what is not base64url or not UTF-8', () => {
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('_w')).toBeNull(); // 0xff: not UTF-8
  });
});

describe('saves', () => {
  it('round-trip an architecture exactly, with the story position', () => {
    const a = architecture();
    a.send('order-service', { type: 'pause' });
    a.send('postgres', { type: 'stop' });
    clock.increment(800); // postgres's smart shutdown
    const save = makeEmbedSave(a.save(), 3);
    const read = readEmbedSave(JSON.stringify(save));
    expect(read).toEqual({ ok: true, save });
    if (!read.ok) return;
    const restored = createArchitecture(ecommerceScenario, { clock: new SimulatedClock(), restore: read.save.architecture });
    running.push(restored);
    expect(restored.status('order-service')).toBe('paused');
    expect(restored.status('postgres')).toBe('exited');
    expect(restored.containerActor('postgres')!.getSnapshot().context.exitCode).toBe(0);
  });

  it.each([
    ['not JSON', '{nope', 'not valid JSON'],
    ['another format', JSON.stringify({ format: 'other', version: 1 }), 'not a saved embed state'],
    ['a newer embed format', JSON.stringify({ format: EMBED_SAVE_FORMAT, version: 2 }), 'saved by embed format version 2; this version reads 1'],
    ['a bad story position', JSON.stringify({ format: EMBED_SAVE_FORMAT, version: 1, storyPosition: -1 }), 'story position'],
  ])('refuses %s with a reason', (_name, text, reason) => {
    expect(readEmbedSave(text)).toEqual({ ok: false, error: expect.stringContaining(reason) });
  });

  it('refuses an old architecture version and a corrupted snapshot (with the path)', () => {
    const save = makeEmbedSave(architecture().save(), null);
    const old = { ...save, architecture: { ...save.architecture, version: SAVE_VERSION + 1 } };
    expect(readEmbedSave(old)).toEqual({ ok: false, error: expect.stringContaining(`saved by format version ${SAVE_VERSION + 1}`) });
    const corrupt = JSON.parse(JSON.stringify(save));
    const firstChild = Object.keys(corrupt.architecture.snapshot.children)[0]!;
    corrupt.architecture.snapshot.children[firstChild].snapshot.value = 'flying';
    expect(readEmbedSave(corrupt)).toEqual({ ok: false, error: expect.stringMatching(/corrupt at snapshot\.children\..*\.snapshot\.value/) });
  });
});

describe('links', () => {
  it('encode the save in #state= and read it back', () => {
    const a = architecture();
    a.send('redis', { type: 'kill' });
    const save = makeEmbedSave(a.save(), null);
    const encoded = encodeStateHash(save);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.hash.startsWith('#state=')).toBe(true);
    expect(encoded.hash.length).toBeLessThan(MAX_STATE_LINK_CHARS);
    expect(readStateHash(encoded.hash)).toEqual({ ok: true, save });
    const link = stateLink('https://x.example/embed.html?story=crash-loop#old', encoded.hash);
    expect(link).toBe(`https://x.example/embed.html?story=crash-loop${encoded.hash}`);
  });

  it('refuse a state over 100 kB with a message', () => {
    const save = makeEmbedSave(architecture().save(), null);
    const huge = { ...save, architecture: { ...save.architecture, spec: { ...save.architecture.spec, padding: 'x'.repeat(120_000) } } };
    const encoded = encodeStateHash(huge as typeof save);
    expect(encoded).toEqual({ ok: false, error: expect.stringContaining('too large to share as a link') });
  });

  it('read nothing from another hash, and a reason from a damaged one', () => {
    expect(readStateHash('#/2')).toBeNull();
    expect(readStateHash('')).toBeNull();
    expect(readStateHash('#state=%%%')).toEqual({ ok: false, error: 'the link is damaged (not base64url)' });
    expect(readStateHash(`#state=${toBase64Url('{"format":"container-lifecycle/embed","version":7}')}`)).toEqual({
      ok: false,
      error: expect.stringContaining('version 7'),
    });
  });
});

describe('storage', () => {
  it('keys depend on the page and what is shown, not on presentation options', () => {
    const base = storageKey('https://x.example/deck/embed.html?theme=dark', DEFAULT_EMBED_OPTIONS);
    expect(base).toMatch(/^container-lifecycle:embed:[0-9a-f]{16}$/);
    expect(storageKey('https://x.example/deck/embed.html?theme=light#s', DEFAULT_EMBED_OPTIONS)).toBe(base);
    expect(storageKey('https://x.example/other.html', DEFAULT_EMBED_OPTIONS)).not.toBe(base);
    expect(storageKey('https://x.example/deck/embed.html', { ...DEFAULT_EMBED_OPTIONS, story: { kind: 'builtin', id: 'crash-loop' } })).not.toBe(base);
    expect(storageKey('https://x.example/deck/embed.html', DEFAULT_EMBED_OPTIONS, 'second')).not.toBe(base);
  });

  it('writes, reads and clears; survives a storage that throws', () => {
    const storage = memoryStorage();
    const save = makeEmbedSave(architecture().save(), 2);
    expect(writeSave(storage, 'k', save)).toBe(true);
    expect(loadSave(storage, 'k')).toEqual({ ok: true, save });
    clearSave(storage, 'k');
    expect(loadSave(storage, 'k')).toBeNull();
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadSave(broken, 'k')).toBeNull();
    expect(writeSave(broken, 'k', save)).toBe(false);
    expect(() => clearSave(broken, 'k')).not.toThrow();
    expect(loadSave(null, 'k')).toBeNull();
  });
});
