import { describe, expect, it } from 'vitest';
import {
  MAX_LOG_BYTES,
  eventsLogSource,
  eventsUrlFromSearch,
  fetchEventsLog,
  formatBytes,
  readEventsFile,
  titleOfUrl,
} from '../../../src/features/replay/loadEventsLog';
import { routeDroppedFile } from '../../../src/features/replay/useEventsLogDrop';
import { BASIC, fixture, fixtureLogs, line } from './helpers';

const fileOf = (name: string, text: string, size = Buffer.byteLength(text)) => ({ name, size, text: async () => text });

describe('eventsLogSource', () => {
  for (const { file, text } of fixtureLogs()) {
    it(`makes a replay source of ${file}`, () => {
      const result = eventsLogSource(text, file);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.source).toMatchObject({ kind: 'replay', title: file });
      expect(result.source.log.events.length).toBeGreaterThan(0);
      expect(result.source.log.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    });
  }

  it('keeps malformed lines as problems with their line numbers; the rest replays', () => {
    const result = eventsLogSource([line(1, 'create'), 'this is not an event', line(3, 'start')].join('\n'), 'x.log');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.log.events.map((e) => e.line)).toEqual([1, 3]);
    expect(result.source.log.problems).toHaveLength(1);
    expect(result.source.log.problems[0]).toMatchObject({ line: 2, text: 'this is not an event' });
  });

  it('adds ordering warnings, in line order', () => {
    const result = eventsLogSource([line(5, 'create'), 'garbage', line(1, 'start')].join('\n'), 'x.log');
    if (!result.ok) throw new Error(result.error);
    expect(result.source.log.problems.map((p) => [p.line, p.severity ?? 'error'])).toEqual([
      [2, 'error'],
      [3, 'warning'],
    ]);
  });

  it('refuses a log with no event at all, saying why', () => {
    const empty = eventsLogSource('\n\n', 'empty.log');
    expect(empty).toMatchObject({ ok: false });
    if (!empty.ok) expect(empty.error).toContain('it is empty');
    const junk = eventsLogSource('hello\nworld\n', 'junk.txt');
    if (junk.ok) throw new Error('should fail');
    expect(junk.error).toContain('"junk.txt" is not a docker events log');
    expect(junk.error).toContain('line 1:');
    expect(junk.error).toContain('1 more');
  });

  it('refuses text over the size limit with a clear message', () => {
    const big = 'x'.repeat(MAX_LOG_BYTES + 1);
    const result = eventsLogSource(big, 'big.log');
    if (result.ok) throw new Error('should fail');
    expect(result.error).toBe(
      'The events log "big.log" is 64.0 MB; the limit is 64.0 MB. Cut it down (for example with docker events --since/--until, or --filter container=NAME) and try again.',
    );
  });
});

describe('reading files', () => {
  it('refuses an oversized file before reading it', async () => {
    let read = false;
    const result = await readEventsFile({
      name: 'huge.jsonl',
      size: 80 * 1024 * 1024,
      text: async () => {
        read = true;
        return '';
      },
    });
    // The same message as for pasted text: one message for too large, however the log comes.
    expect(result).toEqual({
      ok: false,
      error:
        'The events log "huge.jsonl" is 80.0 MB; the limit is 64.0 MB. Cut it down (for example with docker events --since/--until, or --filter container=NAME) and try again.',
    });
    expect(read).toBe(false);
  });

  it('reads a log file', async () => {
    const result = await readEventsFile(fileOf(BASIC, fixture(BASIC)));
    expect(result.ok && result.source.log.events.length).toBe(7);
  });

  it('turns a read failure into a message', async () => {
    const result = await readEventsFile({ name: 'a.log', size: 1, text: () => Promise.reject(new Error('gone')) });
    expect(result).toEqual({ ok: false, error: 'Could not read "a.log": gone' });
  });

  it('formats sizes', () => {
    expect([formatBytes(97), formatBytes(2048), formatBytes(5 * 1024 * 1024)]).toEqual(['97 bytes', '2 KB', '5.0 MB']);
  });
});

describe('routing a dropped file', () => {
  it('loads an events log whatever its extension', async () => {
    for (const name of ['events.txt', 'events.jsonl', 'events.log', 'events']) {
      const route = await routeDroppedFile(fileOf(name, fixture(BASIC)));
      expect(route.kind, name).toBe('load');
    }
  });

  it('leaves compose files to the compose loader', async () => {
    expect(await routeDroppedFile(fileOf('compose.yaml', 'services: {}'))).toEqual({ kind: 'ignore' });
    expect(await routeDroppedFile(fileOf('docker-compose.yml', fixture(BASIC)))).toEqual({ kind: 'ignore' });
    expect(await routeDroppedFile(fileOf('compose.txt', 'services:\n  web:\n    image: nginx\n'))).toEqual({ kind: 'ignore' });
  });

  it('reports anything else', async () => {
    const route = await routeDroppedFile(fileOf('notes.txt', 'shopping list\n'));
    expect(route).toEqual({ kind: 'error', message: expect.stringContaining('"notes.txt" is not a docker events log') });
    const big = await routeDroppedFile({ name: 'big.log', size: MAX_LOG_BYTES + 1, text: async () => '' });
    expect(big.kind).toBe('error');
  });
});

describe('?events=<url>', () => {
  const page = 'https://example.org/app/index.html?events=x';

  it('resolves the parameter against the page', () => {
    expect(eventsUrlFromSearch('', page)).toBeNull();
    expect(eventsUrlFromSearch('?events=', page)).toBeNull();
    const rel = eventsUrlFromSearch('?events=logs/run.jsonl', page);
    expect(rel && 'url' in rel && rel.url.href).toBe('https://example.org/app/logs/run.jsonl');
    const abs = eventsUrlFromSearch(`?events=${encodeURIComponent('https://cdn.example.com/e.log?x=1')}`, page);
    expect(abs && 'url' in abs && abs.url.href).toBe('https://cdn.example.com/e.log?x=1');
  });

  it('refuses URLs that are not http(s)', () => {
    expect(eventsUrlFromSearch('?events=javascript:alert(1)', page)).toEqual({ error: expect.stringContaining('must be an http(s) URL') });
    expect(eventsUrlFromSearch('?events=http://', page)).toEqual({ error: expect.stringContaining('is not a valid URL') });
  });

  it('titles a log by the last path segment', () => {
    expect(titleOfUrl(new URL('https://h.example/a/b/run%201.jsonl'))).toBe('run 1.jsonl');
    expect(titleOfUrl(new URL('https://h.example/'))).toBe('h.example');
  });

  const respond = (body: string, init?: ResponseInit) => (async () => new Response(body, init)) as typeof fetch;

  it('fetches and parses a log', async () => {
    const result = await fetchEventsLog(new URL('https://h.example/run.txt'), respond(fixture(BASIC)));
    expect(result.ok && result.source).toMatchObject({ kind: 'replay', title: 'run.txt' });
  });

  it('reports HTTP errors, network errors and oversized bodies', async () => {
    const url = new URL('https://h.example/run.txt');
    expect(await fetchEventsLog(url, respond('nope', { status: 404, statusText: 'Not Found' }))).toEqual({
      ok: false,
      error: 'Could not load the events log from https://h.example/run.txt: HTTP 404 Not Found.',
    });
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const network = await fetchEventsLog(url, failing);
    expect(network).toEqual({ ok: false, error: expect.stringContaining('CORS') });
    expect(network.ok === false && network.error).toContain('Failed to fetch');
    const big = await fetchEventsLog(url, respond('x', { headers: { 'content-length': String(MAX_LOG_BYTES * 2) } }));
    expect(big).toEqual({ ok: false, error: expect.stringContaining('the limit is 64.0 MB') });
  });

  it('passes an abort on, so the caller can ignore it', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborting = (async () => {
      throw new DOMException('aborted', 'AbortError');
    }) as typeof fetch;
    await expect(fetchEventsLog(new URL('https://h.example/a.log'), aborting, controller.signal)).rejects.toThrow('aborted');
  });
});
