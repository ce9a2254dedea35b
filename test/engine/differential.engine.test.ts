/**
 * The machine against a real Docker engine (issue 14): every state × every command, the
 * process kinds, restart policies with crashing processes, an OOM kill, and seeded random
 * commands over several containers. Each step is compared on the CLI outcome and error
 * text, `.State`, RestartCount and the container's events; the only accepted differences
 * are those of test/engine/versionTable.ts. The summary (checks, agreement per kind,
 * timings) is printed at the end. Run with `npm run test:engine`.
 */
import { mulberry32 } from '../support/prng';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestartPolicy } from '../../machines';
import { Differential, Tally } from './differential';
import { COMMANDS, EventStream, PREFIX, removeOurContainers, type Command, type ProcessKind } from './realEngine';
import { VERSION_DIFFERENCES } from './versionTable';

const stream = new EventStream();
const tally = new Tally();
const started = Date.now();
let serial = 0;
const run = Date.now().toString(36).slice(-4);
const uniqueName = (label: string) => `${PREFIX}${run}-${label}-${++serial}`.replace(/[^a-zA-Z0-9_.-]/g, '-');

beforeAll(async () => {
  await removeOurContainers();
  await stream.open();
});

afterAll(async () => {
  stream.close();
  await removeOurContainers();
  console.log(`[engine] ${tally.report()}\n  run time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (tally.differences.length) console.log(`[engine] differences:\n${tally.differences.join('\n')}`);
});

/** Runs `lanes` async jobs with at most `width` at a time. */
async function inLanes<T>(items: readonly T[], width: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await job(items[next++]!);
    }),
  );
}

/** Differences found while `body` ran (the test fails with them). */
async function differencesOf(body: () => Promise<void>): Promise<string[]> {
  const before = tally.differences.length;
  await body();
  return tally.differences.slice(before);
}

type State = 'created' | 'running' | 'paused' | 'exited' | 'restarting' | 'removed';

/** Commands that bring a fresh container to `state` (each compared too). */
const TO_STATE: Record<State, Command[]> = {
  created: [],
  running: ['start'],
  paused: ['start', 'pause'],
  exited: ['start', 'kill'],
  restarting: ['start'],
  removed: ['rm'],
};

interface Case {
  state: State;
  kind: ProcessKind;
  command: Command;
}

const CASES: Case[] = [];
/** ENGINE_STATES=paused,restarting runs only those rows (while investigating a difference). */
const STATES = (process.env.ENGINE_STATES?.split(',') ?? ['created', 'running', 'paused', 'exited', 'restarting', 'removed']) as State[];
for (const state of STATES) {
  const kinds: ProcessKind[] = state === 'running' || state === 'paused' ? ['ignores', 'traps', 'init'] : state === 'restarting' ? ['crash'] : ['ignores'];
  for (const kind of kinds) for (const command of COMMANDS) CASES.push({ state, kind, command });
}

describe.concurrent('every state × every command, against the real engine', () => {
  it(`${CASES.length} cases (states × commands × process kinds)`, async () => {
    const found = await differencesOf(() =>
      inLanes(CASES, 6, async ({ state, kind, command }) => {
        const d = new Differential(stream, tally, `[${state} ${kind}]`);
        const twin = await d.create(uniqueName(`${state}-${kind}`), kind, state === 'restarting' ? 'always' : 'no');
        for (const step of TO_STATE[state]) await d.command(twin, step);
        await d.command(twin, command);
        await d.command(twin, 'rm -f');
      }),
    );
    expect(found).toEqual([]);
  });
});

describe.concurrent('process kinds', () => {
  it('crash (exit 3) and OOM (--memory 16m) die by themselves; start again after each', async () => {
    const found = await differencesOf(() =>
      inLanes(['crash', 'oom'] as const, 2, async (kind) => {
        const d = new Differential(stream, tally, `[${kind}]`);
        const twin = await d.create(uniqueName(kind), kind);
        await d.command(twin, 'start');
        await d.command(twin, 'start');
        await d.command(twin, 'restart -t 1');
        await d.command(twin, 'rm');
      }),
    );
    expect(found).toEqual([]);
  });
});

describe.concurrent('restart policies with a crashing process', () => {
  const policies: RestartPolicy[] = ['no', 'always', 'unless-stopped', 'on-failure', 'on-failure:2'];
  it(`${policies.join(', ')}: crash loop, stop in back-off, restart, kill in back-off`, async () => {
    const found = await differencesOf(() =>
      inLanes(policies, policies.length, async (policy) => {
        const d = new Differential(stream, tally, `[policy ${policy}]`);
        const twin = await d.create(uniqueName(`policy-${policy.replace(':', '')}`), 'crash', policy);
        await d.command(twin, 'start');
        await d.wait(2500);
        await d.command(twin, 'stop -t 1');
        await d.command(twin, 'restart -t 1');
        await d.wait(2000);
        await d.command(twin, 'kill');
        await d.command(twin, 'rm -f');
      }),
    );
    expect(found).toEqual([]);
  });
});


const SEED = Number(process.env.ENGINE_SEED ?? 20261207);
const RANDOM_COMMANDS = Number(process.env.ENGINE_RANDOM_COMMANDS ?? 240);

describe.concurrent(`seeded random commands (seed ${SEED}, ENGINE_SEED to change)`, () => {
  it(`${RANDOM_COMMANDS} commands over 4 lanes of 3 containers`, async () => {
    const lanes = 4;
    const perLane = Math.ceil(RANDOM_COMMANDS / lanes);
    const mixes: Array<Array<[ProcessKind, RestartPolicy]>> = [
      [['ignores', 'no'], ['traps', 'unless-stopped'], ['init', 'always']],
      [['crash', 'on-failure:2'], ['ignores', 'always'], ['traps', 'no']],
      [['init', 'no'], ['crash', 'no'], ['ignores', 'unless-stopped']],
      [['traps', 'on-failure'], ['init', 'unless-stopped'], ['ignores', 'no']],
    ];
    const found = await differencesOf(() =>
      inLanes(
        mixes.map((mix, lane) => ({ mix, lane })),
        lanes,
        async ({ mix, lane }) => {
          const random = mulberry32(SEED + lane);
          const d = new Differential(stream, tally, `[random lane ${lane}]`);
          const twins = [];
          for (const [kind, policy] of mix) twins.push(await d.create(uniqueName(`rnd${lane}-${kind}`), kind, policy));
          for (let i = 0; i < perLane; i++) {
            const slot = Math.floor(random() * twins.length);
            const twin = twins[slot]!;
            if (twin.status === 'removed' && random() < 0.6) {
              const [kind, policy] = mix[slot]!;
              twins[slot] = await d.create(uniqueName(`rnd${lane}-${kind}`), kind, policy);
              continue;
            }
            await d.command(twin, COMMANDS[Math.floor(random() * COMMANDS.length)]!);
          }
          for (const twin of twins) await d.command(twin, 'rm -f');
        },
      ),
    );
    expect(found).toEqual([]);
  });
});

describe('the version table', () => {
  it('every entry names its source and says what differs', () => {
    for (const entry of Object.values(VERSION_DIFFERENCES)) {
      expect(entry.source.length).toBeGreaterThan(20);
      expect(entry.v20).not.toBe(entry.v29);
    }
  });
});
