/**
 * The page's events-log loader: one load at a time, progress as it parses, Cancel hands
 * nothing on (the session on screen stays), errors become messages.
 */
import { describe, expect, it, vi } from 'vitest';
import { EventsLogLoading, type LoadTask } from '../../../src/features/replay/eventsLogLoading';
import { eventsLogSourceAsync } from '../../../src/features/replay/loadEventsLog';
import type { SessionSource } from '../../../src/model/session/sessionSource';
import { busyHostLog } from '../../fixtures/generatedEventsLog';

function setup() {
  const loaded: SessionSource[] = [];
  const errors: string[] = [];
  const loading = new EventsLogLoading({ onLoad: (s) => loaded.push(s), onError: (m) => errors.push(m) });
  const seen: Array<ReturnType<EventsLogLoading['getProgress']>> = [];
  loading.subscribe(() => seen.push(loading.getProgress()));
  return { loading, loaded, errors, seen };
}

/** A task parsing `text` for real, in slices of 1 ms. */
const parseTask =
  (text: string, title: string): LoadTask =>
  ({ signal, onProgress }) =>
    eventsLogSourceAsync(text, title, { signal, onProgress, sliceMs: 1 });

describe('EventsLogLoading', () => {
  const { text } = busyHostLog({ events: 5000, containers: 50 });

  it('reports the load, then progress rising to 1, then the source', async () => {
    const { loading, loaded, errors, seen } = setup();
    loading.run('busy.log', text.length, parseTask(text, 'busy.log'));
    expect(seen[0]).toEqual({ title: 'busy.log', bytes: text.length, fraction: null });
    await vi.waitFor(() => expect(loaded).toHaveLength(1), { timeout: 20_000 });
    expect(errors).toEqual([]);
    expect(loading.getProgress()).toBeNull();
    const fractions = seen.map((p) => p?.fraction).filter((f): f is number => typeof f === 'number');
    expect(fractions.length).toBeGreaterThan(2);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.at(-1)).toBe(1);
    expect(loaded[0]).toMatchObject({ kind: 'replay', title: 'busy.log' });
  });

  it('cancel stops the parse and hands nothing on, not even an error', async () => {
    const { loading, loaded, errors } = setup();
    let signal: AbortSignal | undefined;
    loading.run('busy.log', text.length, (options) => {
      signal = options.signal;
      return parseTask(text, 'busy.log')(options);
    });
    await vi.waitFor(() => expect(loading.getProgress()?.fraction).toBeGreaterThan(0));
    loading.cancel();
    expect(loading.getProgress()).toBeNull();
    expect(signal?.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(loaded).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a new load replaces the one in progress; the old one is ignored when it ends', async () => {
    const { loading, loaded } = setup();
    let finishFirst: (() => void) | undefined;
    const first: LoadTask = () => new Promise((resolve) => (finishFirst = () => resolve({ ok: false, error: 'late' })));
    loading.run('a.log', null, first);
    const cancelSecond = loading.run('b.log', null, parseTask(text, 'b.log'));
    finishFirst?.();
    await vi.waitFor(() => expect(loaded).toHaveLength(1), { timeout: 20_000 });
    expect(loaded[0]).toMatchObject({ title: 'b.log' });
    cancelSecond(); // after the end: nothing to cancel
    expect(loading.getProgress()).toBeNull();
  });

  it('an error result or a failing task becomes a message', async () => {
    const { loading, loaded, errors } = setup();
    loading.run('junk.txt', 12, parseTask('hello\nworld\n', 'junk.txt'));
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatch(/^"junk.txt" is not a docker events log: none of its lines could be read \(line 1: /);
    loading.run('gone.log', 3, () => Promise.reject(new Error('disk gone')));
    await vi.waitFor(() => expect(errors).toHaveLength(2));
    expect(errors[1]).toBe('Could not load the events log "gone.log": disk gone');
    // A file left to another loader: nothing at all.
    loading.run('compose.txt', 3, async () => null);
    await new Promise((r) => setTimeout(r, 10));
    expect(loaded).toEqual([]);
    expect(errors).toHaveLength(2);
    expect(loading.getProgress()).toBeNull();
  });
});
