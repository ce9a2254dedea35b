import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkOrdering } from '../../../src/model/events/ordering';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';
import { toLifecycleIntent } from '../../../src/model/events/toMachineEvent';

// Public corpus copied into the repo: test/fixtures/events (see its SOURCES.md)
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtureDir = resolve(repoRoot, 'test/fixtures/events');
const read = (name: string) => readFileSync(resolve(fixtureDir, name), 'utf8');

const EXPECTED: Record<string, { format: 'text' | 'json'; count: number }> = {
  'docker-cli_events-md__basic_lifecycle.txt': { format: 'text', count: 7 },
  'docker-cli_events-md__custom_format.txt': { format: 'text', count: 6 },
  'docker-cli_pr4544__format_json.jsonl': { format: 'json', count: 3 },
  'moby_docs-api-v1.24__events_example.jsonl': { format: 'json', count: 9 },
  'moby_pr26268__format_json.jsonl': { format: 'json', count: 3 },
};

describe('public fixtures', () => {
  const files = readdirSync(fixtureDir).filter((f) => !f.endsWith('.md'));

  it('covers every fixture file', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s parses with zero problems and no ordering warnings', (file) => {
    const log = parseEventsLog(read(file));
    expect(log.problems).toEqual([]);
    expect(log.format).toBe(EXPECTED[file]?.format);
    expect(log.events).toHaveLength(EXPECTED[file]?.count ?? -1);
    expect(log.events.map((e) => e.line)).toEqual(log.events.map((_, i) => i + 1));
    expect(checkOrdering(log.events)).toEqual([]);
  });

  describe('basic lifecycle (default text format, +08:00)', () => {
    const log = parseEventsLog(read('docker-cli_events-md__basic_lifecycle.txt'));
    const [create, connect, start, kill, die, disconnect, stop] = log.events;

    it('has the documented sequence', () => {
      expect(log.events.map((e) => `${e.message.Type} ${e.message.Action}`)).toEqual([
        'container create',
        'network connect',
        'container start',
        'container kill',
        'container die',
        'network disconnect',
        'container stop',
      ]);
    });

    it('keeps the full actor ID and attributes', () => {
      expect(create?.message.Actor).toEqual({
        ID: '0fdb48addc82871eb34eb23a847cfd033dedd1a0a37bef2e6d9eb3870fc7ff37',
        Attributes: { image: 'alpine:latest', name: 'test' },
      });
      expect(connect?.message.Actor).toEqual({
        ID: 'e2e1f5ceda09d4300f3a846f0acfaa9a8bb0d89e775eb744c5acecd60e0529e2',
        Attributes: { container: '0fdb...ff37', name: 'bridge', type: 'bridge' },
      });
      expect(disconnect?.message.Actor.ID).toBe('e2e...29e2');
      expect(start?.message.Actor.ID).toBe('0fdb...ff37');
      expect(stop?.message.scope).toBeUndefined();
    });

    it('converts 2017-01-05T00:36:09.840186338+08:00 to exact Unix seconds and nanoseconds (as near as a double holds them)', () => {
      expect(die?.message.time).toBe(1483547769);
      // timeNano is a number: past 2^53 it keeps the nearest double (here within 128 ns).
      expect(die?.message.timeNano).toBe(Number(1483547769840186338n));
      // Date would only keep milliseconds: the sub-millisecond part must survive.
      expect(die?.message.timeNano).not.toBe(Date.parse('2017-01-05T00:36:09.840+08:00') * 1e6);
      expect(create?.message.time).toBe(1483547758);
      expect(create?.message.timeNano).toBe(Number(1483547758859401177n));
    });

    it('maps kill signal=15 and die exitCode=143', () => {
      expect(kill?.message.Actor.Attributes.signal).toBe('15');
      expect(die?.message.Actor.Attributes.exitCode).toBe('143');
      expect(toLifecycleIntent(kill!)).toEqual({ kind: 'kill', signal: 15 });
      expect(toLifecycleIntent(die!)).toEqual({ kind: 'die', exitCode: 143 });
      expect(toLifecycleIntent(connect!)).toEqual({ kind: 'info' });
      expect(toLifecycleIntent(stop!)).toEqual({ kind: 'stop' });
    });
  });

  it('custom --format Key=Value output: actions from Status, time unknown (0), file order', () => {
    const log = parseEventsLog(read('docker-cli_events-md__custom_format.txt'));
    expect(log.events.map((e) => e.message.Action)).toEqual(['create', 'attach', 'start', 'resize', 'die', 'destroy']);
    for (const e of log.events) {
      expect(e.message.Type).toBe('container');
      expect(e.message.Actor.ID).toBe('2ee349dac409e97974ce8d01b70d250b85e0ba8189299c126a87812311951e26');
      expect(e.message.time).toBe(0);
      expect(e.message.timeNano).toBe(0);
    }
    expect(toLifecycleIntent(log.events[4]!)).toEqual({ kind: 'die', exitCode: -1 });
  });

  it('Docker 24 JSON with scope and legacy fields alongside modern ones', () => {
    const log = parseEventsLog(read('docker-cli_pr4544__format_json.jsonl'));
    expect(log.events[0]?.message).toEqual({
      Type: 'container',
      Action: 'create',
      Actor: {
        ID: '4ac3bba8abd68961e627540fed81ad16d55b88e45629d7cdb792126d09b6488d',
        Attributes: { image: 'hello-world', name: 'dreamy_goldstine' },
      },
      scope: 'local',
      time: 1693168508,
      timeNano: Number(1693168508190136885n),
    });
    const net = log.events[2]!;
    expect(net.message.Type).toBe('network');
    expect(net.message.Actor.Attributes.container).toBe('4ac3bba8abd68961e627540fed81ad16d55b88e45629d7cdb792126d09b6488d');
  });

  it('API v1.24 example: image pull, die exitCode 0, destroy', () => {
    const log = parseEventsLog(read('moby_docs-api-v1.24__events_example.jsonl'));
    expect(log.events[0]?.message.Type).toBe('image');
    expect(log.events[0]?.message.Actor.ID).toBe('alpine:latest');
    expect(log.events[5]?.message.Actor.Attributes).toMatchObject({ height: '46', width: '204' });
    expect(toLifecycleIntent(log.events[6]!)).toEqual({ kind: 'die', exitCode: 0 });
    expect(toLifecycleIntent(log.events[8]!)).toEqual({ kind: 'destroy' });
    expect(log.events[8]?.message.time).toBe(1461943105);
    expect(log.events[8]?.message.timeNano).toBe(Number(1461943105338056026n));
  });

  it('2016 JSON without scope', () => {
    const log = parseEventsLog(read('moby_pr26268__format_json.jsonl'));
    expect(log.events.map((e) => e.message.scope)).toEqual([undefined, undefined, undefined]);
    expect(log.events[0]?.message.Actor.Attributes.name).toBe('goofy_yonath');
  });
});
