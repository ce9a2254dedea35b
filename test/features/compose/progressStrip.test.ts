/**
 * The progress strip and node badges of a compose run, driven through a real
 * `Architecture` on a simulated clock: the order shown is Compose's order.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { createArchitecture, type ComposeProgress } from '../../../machines';
import { composeCli, plannedOrder, stripItems, stripSummary } from '../../../src/features/compose/progressStrip';
import { composeActivityKey } from '../../../src/features/architecture/useComposeActivity';
import { loadComposeText } from '../../../src/features/compose/loadCompose';
import { examples, fixture, OTEL } from './helpers';

function spec(name: string, text: string) {
  const result = loadComposeText(text, { fileName: name });
  if (!result.ok) throw new Error(result.message);
  return result.source.spec;
}

const voting = () => spec('voting.compose.yml', examples().find(([n]) => n === 'voting.compose.yml')![1]);

describe('plannedOrder', () => {
  it('starts dependencies first and stops dependents first, leaving out inactive services', () => {
    const s = voting();
    expect(plannedOrder(s, 'up')).toEqual(['db', 'api', 'tally', 'ui']);
    expect(plannedOrder(s, 'down')).toEqual(['ui', 'tally', 'api', 'db']);
    expect(plannedOrder(s, 'pause')).toEqual(['ui', 'api', 'db', 'tally']);
  });

  it('orders a restart only by dependencies with restart: true (api after db; ui and tally free)', () => {
    expect(plannedOrder(voting(), 'restart')).toEqual(['ui', 'db', 'tally', 'api']);
  });

  it('counts Compose\'s warnings in the summary', () => {
    const progress: ComposeProgress = { action: 'up', status: 'done', active: [], finished: ['db'], warnings: ['optional dependency "x" is not running or is unhealthy'] };
    expect(stripSummary(progress, 1)).toBe('docker compose up -d: done (1 service, 1 warning)');
  });
});

describe('stripItems', () => {
  const s = voting();
  it('lists finished, then active (with what they wait for), then pending services', () => {
    const progress: ComposeProgress = {
      action: 'up',
      status: 'running',
      active: [{ service: 'api', waitingFor: 'waiting for voting-db-1 to be healthy' }, { service: 'tally' }],
      finished: ['db'],
      warnings: [],
    };
    expect(stripItems(s, progress)).toEqual([
      { service: 'db', state: 'done' },
      { service: 'api', state: 'waiting', detail: 'waiting for voting-db-1 to be healthy' },
      { service: 'tally', state: 'active', detail: 'starting…' },
      { service: 'ui', state: 'pending' },
    ]);
    expect(stripSummary(progress, 4)).toBe('docker compose up -d: 1 of 4 services done');
  });

  it('marks what a failed run never reached, and shows Compose\'s error', () => {
    const progress: ComposeProgress = {
      action: 'up',
      status: 'failed',
      active: [],
      finished: ['db'],
      error: 'dependency failed to start: container voting-db-1 is unhealthy',
      warnings: [],
    };
    expect(stripItems(s, progress).map((i) => i.state)).toEqual(['done', 'skipped', 'skipped', 'skipped']);
    expect(stripSummary(progress, 4)).toBe('docker compose up -d failed: dependency failed to start: container voting-db-1 is unhealthy');
  });

  it('names the CLI', () => {
    expect(composeCli('up')).toBe('docker compose up -d');
    expect(composeCli('down')).toBe('docker compose down');
  });
});

describe('a compose run on the OpenTelemetry demo', () => {
  it('goes down then up in dependency order, the strip and badges following it', async () => {
    const clock = new SimulatedClock();
    clock.set(Date.UTC(2026, 0, 1));
    const architecture = createArchitecture(spec(OTEL, fixture(OTEL)), { clock });
    const seen: ComposeProgress[] = [];
    architecture.onCompose((p) => p && seen.push(p));

    architecture.compose('down');
    for (let i = 0; i < 100 && architecture.getComposeProgress()?.status === 'running'; i++) clock.increment(500);
    expect(architecture.getComposeProgress()?.status).toBe('done');
    expect(architecture.containers.every((c) => architecture.status(c.name) === 'removed')).toBe(true);

    architecture.compose('up');
    let waited = false;
    for (let i = 0; i < 1000 && architecture.getComposeProgress()?.status === 'running'; i++) {
      const progress = architecture.getComposeProgress()!;
      const waiting = progress.active.find((a) => a.waitingFor);
      if (waiting) {
        waited = true;
        expect(composeActivityKey(progress, waiting.service)).toBe(`waiting\u0000${waiting.waitingFor}`);
        expect(stripItems(architecture.spec, progress).find((item) => item.service === waiting.service)?.state).toBe('waiting');
      }
      clock.increment(250);
    }
    const done = architecture.getComposeProgress()!;
    expect(done.status).toBe('done');
    expect(waited).toBe(true);
    expect(composeActivityKey(done, 'frontend')).toBe('');
    // Every service finished after all of its dependencies.
    const at = new Map(done.finished.map((s, i) => [s, i]));
    for (const service of architecture.spec.services) {
      for (const dep of service.dependsOn) expect(at.get(dep.service)!, `${dep.service} before ${service.name}`).toBeLessThan(at.get(service.name)!);
    }
    expect(stripItems(architecture.spec, done).every((i) => i.state === 'done')).toBe(true);
    architecture.stop();
  });
});
