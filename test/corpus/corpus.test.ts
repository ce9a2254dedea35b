/**
 * The hostile-input corpus: every file under test/corpus/<kind>/ is fed to the entry point
 * a user's input reaches, and must give a clear error (where there is one: line and
 * column), never throw, and leave a running architecture as it was. The browser half
 * (role="alert", no page error) is in test/e2e/hostileInput.e2e.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import {
  createArchitecture,
  ecommerceScenario,
  commandError,
  type ContainerEvent,
} from '../../machines';
import { parseSavedArchitecture } from '../../machines/architecture/persistence';
import { parseCompose } from '../../src/model/compose/parseCompose';
import { parseEventsLog } from '../../src/model/events/parseEventsLog';
import { Replay } from '../../src/model/replay/replay';

const dir = (kind: string) => join(__dirname, kind);
const files = (kind: string) => readdirSync(dir(kind)).filter((f) => !f.endsWith('.ts')).sort();
const read = (kind: string, file: string) => readFileSync(join(dir(kind), file), 'utf8');

/** The architecture on screen while bad input arrives: it must not change. */
function running() {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  const architecture = createArchitecture(ecommerceScenario, { clock });
  architecture.send('order-service', { type: 'pause' });
  return architecture;
}
const fingerprint = (a: ReturnType<typeof running>) => JSON.stringify(a.save().snapshot);

/** Expected error (substring) and position for each bad compose file; `ok` = accepted, drawn as plain text. */
const COMPOSE: Record<string, { error: string; line?: number; column?: number } | 'ok'> = {
  'alias-bomb.yml': { error: 'as an alias bomb ("billion laughs") does' },
  'bad-indent.yml': { error: 'YAML syntax error', line: 4, column: 4 },
  'bad-restart.yml': { error: 'services.web.restart', line: 4, column: 14 },
  'build-without-context.yml': 'ok',
  'comment-only.yml': { error: 'Compose file is empty' },
  'container-name-with-replicas.yml': { error: "can't set container_name", line: 4 },
  'cycle-3.yml': { error: 'dependency cycle detected: a -> b -> c -> a', line: 4 },
  'deep-nesting.yml': { error: 'nesting is too deep', line: 1 },
  'depends-on-list-of-maps.yml': { error: 'services.web.depends_on[0]: expected a service name (string), got a mapping', line: 5, column: 9 },
  'duplicate-service.yml': { error: '"web" is repeated', line: 4, column: 3 },
  'duration-without-unit.yml': { error: 'services.web.healthcheck.interval', line: 6 },
  'empty.yml': { error: 'Compose file is empty' },
  'html-image-and-name.yml': 'ok',
  'html-service-name.yml': { error: 'invalid service name', line: 2 },
  'image-is-a-list.yml': { error: 'services.web.image: expected an image reference, got a list', line: 3 },
  'list-document.yml': { error: 'must be a mapping, got a list', line: 1 },
  'negative-replicas.yml': { error: 'replicas', line: 5 },
  'no-services.yml': { error: 'services: missing' },
  'proto-service.yml': { error: '"__proto__"', line: 2 },
  'scalar-document.yml': { error: 'must be a mapping', line: 1 },
  'self-dependency.yml': { error: 'dependency cycle detected: a -> a', line: 4 },
  'service-is-a-string.yml': { error: 'services.web: expected a service definition', line: 2 },
  'services-empty.yml': { error: 'at least one service' },
  'services-list.yml': { error: 'got a list', line: 1 },
  'tab-indentation.yml': { error: 'Tabs are not allowed', line: 2, column: 1 },
  'two-documents.yml': { error: 'several YAML documents', line: 4 },
  'unclosed-quote.yml': { error: 'Missing closing', line: 3, column: 12 },
  'undefined-dependency.yml': { error: 'depends on undefined service "db"', line: 4 },
  'unknown-condition.yml': { error: 'service_ready', line: 6 },
};

describe('compose corpus', () => {
  it('has an expectation for every file', () => {
    expect(files('compose')).toEqual(Object.keys(COMPOSE).sort());
  });

  for (const file of files('compose')) {
    it(file, () => {
      const before = running();
      const print = fingerprint(before);
      const result = parseCompose(read('compose', file), { fileName: file });
      const expected = COMPOSE[file]!;
      if (expected === 'ok') {
        expect(result.ok).toBe(true);
      } else {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.message).toContain(expected.error);
        if (expected.line !== undefined) expect(result.error.line).toBe(expected.line);
        if (expected.column !== undefined) expect(result.error.column).toBe(expected.column);
      }
      expect(fingerprint(before)).toBe(print);
      before.stop();
    });
  }

  it('a file over the size limit is refused before parsing', () => {
    const big = 'services:\n' + '  web:\n    image: nginx\n'.padEnd(2_000_000, '#');
    const result = parseCompose(big);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('too large') } });
  });
});

/** For each bad log: problems (line numbers) the parser reports, and flags the replay raises. */
const EVENTS: Record<string, { problemLines?: number[]; flagged?: string[]; warnings?: number }> = {
  'bad-timestamp.txt': { problemLines: [1] },
  'destroy-unknown.jsonl': { flagged: ['destroy for never-created, which does not exist'] },
  'die-without-create.txt': { flagged: ['die for ghost, which never started'] },
  'empty.txt': {},
  'garbage.txt': { problemLines: [1, 2] },
  'html-in-attributes.txt': { problemLines: [1] },
  'json-array-and-proto.jsonl': { problemLines: [1, 1, 1] },
  'out-of-order.txt': { flagged: ['create for test, which already exists'] },
  'truncated-json.jsonl': { problemLines: [1] },
  'unpause-without-pause.txt': { flagged: ['unpause for test with no pause before it'] },
  'wrong-shape.jsonl': { problemLines: [1] },
};

describe('docker events corpus', () => {
  it('has an expectation for every file', () => {
    expect(files('events')).toEqual(Object.keys(EVENTS).sort());
  });

  for (const file of files('events')) {
    it(file, () => {
      const log = parseEventsLog(read('events', file));
      const expected = EVENTS[file]!;
      expect(log.problems.map((p) => p.line)).toEqual(expected.problemLines ?? []);
      for (const p of log.problems) expect(p.message.length).toBeGreaterThan(10);
      const replay = new Replay(log, { clock: new SimulatedClock() });
      replay.skipToEnd();
      const flags = replay.getOutcomes().filter((o) => o.kind === 'flagged').map((o) => o.note ?? '');
      expect(flags.length).toBe(expected.flagged?.length ?? 0);
      expected.flagged?.forEach((text, i) => expect(flags[i]).toContain(text));
      replay.dispose();
    });
  }

  it('a name with markup is not a name Docker can produce: flagged with the reason, not applied', () => {
    const log = parseEventsLog(read('events', 'html-in-attributes.txt'));
    expect(log.problems[0]?.message).toMatch(/^name "<script>alert\(1\)<\/script>" is not a name Docker can produce \(container names match \[a-zA-Z0-9\]\[a-zA-Z0-9_.-\]\+\): the event is not applied$/);
    const replay = new Replay(log, { clock: new SimulatedClock() });
    replay.skipToEnd();
    expect(replay.architecture.containers.map((c) => c.name)).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    replay.dispose();
  });
});

/** Saved states: each is refused with a reason, and the running architecture is untouched. */
const SAVED: Record<string, string> = {
  'missing-child.json': 'container a has no snapshot',
  'not-json.json': 'not valid JSON',
  'null.json': 'not an object',
  'old-version.json': 'saved by format version 0; this version reads 1',
  'truncated.json': 'not valid JSON',
  'wrong-format.json': 'not a saved architecture',
};

describe('saved-state corpus', () => {
  it('has an expectation for every file', () => {
    expect(files('saved')).toEqual(Object.keys(SAVED).sort());
  });

  for (const file of files('saved')) {
    it(file, () => {
      const result = parseSavedArchitecture(read('saved', file));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(SAVED[file]);
    });
  }

  /** The parts of a save (JSON) that the corruptions below touch. */
  interface SaveJson {
    spec: { services: unknown[] };
    snapshot: { children: Record<string, { snapshot: { value: unknown; context: Record<string, unknown> } }> };
  }
  const firstContainer = (s: SaveJson) => Object.values(s.snapshot.children)[0]!.snapshot;
  const corruptions: Array<[string, (s: SaveJson) => void, string]> = [
    ['a state that does not exist', (s) => (firstContainer(s).value = 'flying'), '.snapshot.value'],
    ['a negative PID', (s) => (firstContainer(s).context.pid = -1), 'pid'],
    ['an exit code over 255', (s) => (firstContainer(s).context.exitCode = 300), 'exitCode'],
    ['a renamed container', (s) => (firstContainer(s).context.name = 'other'), 'is named other'],
    ['a container ID that is not 64 hex', (s) => (firstContainer(s).context.id = '<img>'), 'context.id'],
    ['no services', (s) => (s.spec.services = []), 'spec.services'],
  ];
  it.each(corruptions)('refuses %s', (_, corrupt, where) => {
    const a = running();
    const saved = JSON.parse(JSON.stringify(a.save()));
    corrupt(saved);
    const result = parseSavedArchitecture(JSON.stringify(saved));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(where) });
    a.stop();
  });

  it('refuses a save over the size limit', () => {
    expect(parseSavedArchitecture('x'.repeat(2_000_001))).toMatchObject({ ok: false, error: expect.stringContaining('too large') });
  });
});

describe('junk commands', () => {
  const junk: unknown[] = [
    { type: 'format-disk' },
    {},
    null,
    { type: 'kill', signal: 15 },
    { type: 'kill', signal: 'SIGNOPE' },
    { type: 'exit', exitCode: 999 },
    { type: 'exit', exitCode: 1.5 },
    { type: 'update', restartPolicy: 'always:3' },
    { type: 'probe', result: 'maybe' },
  ];
  it.each(junk.map((j) => [JSON.stringify(j), j]))('%s is answered with an error and changes nothing', (_, event) => {
    const a = running();
    const print = fingerprint(a);
    const actor = a.containerActor('redis')!;
    expect(typeof commandError(actor.getSnapshot(), event as ContainerEvent)).toBe('string');
    const entry = a.send('redis', event as ContainerEvent);
    expect(entry.outcome).toBe('error');
    expect(fingerprint(a)).toBe(print);
    a.stop();
  });
});
