/**
 * Bench 7 — replay cost per event: `Replay.skipToEnd()` (every event of a parsed `docker
 * events` log through the machines) on a generated busy-host log
 * (test/fixtures/generatedEventsLog.ts) of 50 000 events over 500 containers, against
 * the same log shape at 5 000 events over 50 containers. Budget: per-event cost at
 * 50 000 ≤ 1.2× at 5 000 (replay grows linearly). Parsing (`parseEventsLog`) is timed the
 * same way, for information.
 */
import { SimulatedClock } from 'xstate';
import { parseEventsLog } from '../../src/model/events/parseEventsLog';
import { Replay } from '../../src/model/replay/replay';
import { busyHostLog } from '../../test/fixtures/generatedEventsLog';
import { figure, gc, median, nowNs, spread, type Figure } from '../lib/measure';

export interface ReplaySkipOptions {
  /** [events, containers] of the small and the big log. */
  small?: [number, number];
  big?: [number, number];
  /** Interleaved rounds (small, big, small, …). */
  rounds?: number;
}

/** ns of one Skip to end on a fresh replay of `log` (the build of the replay is not timed). */
function timeSkip(log: ReturnType<typeof parseEventsLog>): number {
  const replay = new Replay(log, { clock: new SimulatedClock() });
  const t0 = nowNs();
  replay.skipToEnd();
  const t = nowNs() - t0;
  if (!replay.done) throw new Error('Skip to end did not reach the end');
  replay.dispose();
  return t;
}

function timeParse(text: string): number {
  const t0 = nowNs();
  const log = parseEventsLog(text);
  const t = nowNs() - t0;
  if (log.problems.length > 0) throw new Error(`the generated log has problems: ${log.problems[0]!.message}`);
  return t;
}

export function runReplaySkip(options: ReplaySkipOptions = {}): { figures: Figure[]; detail: Record<string, unknown> } {
  const [smallEvents, smallContainers] = options.small ?? [5_000, 50];
  const [bigEvents, bigContainers] = options.big ?? [50_000, 500];
  const rounds = options.rounds ?? 7;
  const small = busyHostLog({ events: smallEvents, containers: smallContainers });
  const big = busyHostLog({ events: bigEvents, containers: bigContainers });
  const smallLog = parseEventsLog(small.text);
  const bigLog = parseEventsLog(big.text);

  // Warm-up: the JIT sees both sizes before any sample counts.
  timeSkip(smallLog);
  timeSkip(bigLog);
  const skip = { small: [] as number[], big: [] as number[] };
  const parse = { small: [] as number[], big: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    gc();
    // Alternate which size goes first, so a drift in load hits both alike.
    const order = r % 2 === 0 ? (['small', 'big'] as const) : (['big', 'small'] as const);
    for (const size of order) {
      skip[size].push(timeSkip(size === 'small' ? smallLog : bigLog));
      parse[size].push(timeParse(size === 'small' ? small.text : big.text));
    }
  }
  const perEvent = (ns: number[], events: number) => ns.map((t) => t / events / 1000); // µs
  const paired = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));
  const skipSmall = perEvent(skip.small, smallEvents);
  const skipBig = perEvent(skip.big, bigEvents);
  const parseSmall = perEvent(parse.small, smallEvents);
  const parseBig = perEvent(parse.big, bigEvents);
  const group = '7. Replay (Skip to end)';
  const figures: Figure[] = [
    figure({
      id: 'replay.skip.small',
      group,
      label: `Skip to end, ${smallEvents.toLocaleString('en')} events / ${smallContainers} containers`,
      unit: 'ms',
      value: median(skip.small) / 1e6,
      baseline: null,
      baselineLabel: null,
      budget: null,
      spread: spread(skip.small),
      samples: rounds,
    }),
    figure({
      id: 'replay.skip.big',
      group,
      label: `Skip to end, ${bigEvents.toLocaleString('en')} events / ${bigContainers} containers`,
      unit: 'ms',
      value: median(skip.big) / 1e6,
      baseline: null,
      baselineLabel: null,
      budget: null,
      spread: spread(skip.big),
      samples: rounds,
    }),
    figure({
      id: 'replay.skip.perEvent',
      group,
      label: `Skip to end per event at ${bigEvents.toLocaleString('en')} vs ${smallEvents.toLocaleString('en')}`,
      unit: 'µs/event',
      value: median(skipBig),
      baseline: median(skipSmall),
      baselineLabel: `${smallEvents} events`,
      ratio: paired(skipBig, skipSmall),
      budget: { op: '<=', limit: 1.2 },
      spread: spread(skipBig),
      samples: rounds,
      note: `logs of ${(small.text.length / 1e6).toFixed(2)} MB and ${(big.text.length / 1e6).toFixed(2)} MB; ratio = median of paired per-event ratios`,
    }),
    figure({
      id: 'replay.parse.perEvent',
      group,
      label: `parseEventsLog per event at ${bigEvents.toLocaleString('en')} vs ${smallEvents.toLocaleString('en')}`,
      unit: 'µs/event',
      value: median(parseBig),
      baseline: median(parseSmall),
      baselineLabel: `${smallEvents} events`,
      ratio: paired(parseBig, parseSmall),
      budget: null,
      spread: spread(parseBig),
      samples: rounds,
      note: `parse of the ${bigEvents}-event log: ${(median(parse.big) / 1e6).toFixed(0)} ms`,
    }),
  ];
  return { figures, detail: { skipNs: skip, parseNs: parse, bytes: { small: small.text.length, big: big.text.length } } };
}
