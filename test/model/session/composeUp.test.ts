/**
 * The first view of every built-in example is a `docker compose up -d` in Compose's
 * dependency order: recorded at every Docker event of every container while the
 * simulated clock advances, no container starts before its `depends_on` conditions hold,
 * and the up ends with everything up. The same recorder catches the old first view (all
 * started at once by `createArchitecture(spec)`), so the check can fail.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { createArchitecture, inspectState, scenarios, type Architecture, type ArchitectureSpec } from '../../../machines';
import { COMPOSE_EXAMPLES } from '../../../src/features/compose/examples';
import { loadComposeText } from '../../../src/features/compose/loadCompose';
import { composeUp } from '../../../src/model/session/composeUp';
import { isServiceActive } from '../../../machines/architecture/profiles';
import { parseSavedArchitecture } from '../../../machines/architecture/persistence';
import { notUpYet, orderViolations, type Moment, type ServiceConditions } from '../../support/composeOrder';

/** The spec each Example-list entry loads: the built-in scenario, or its compose file through the app's loader. */
function exampleSpec(id: string): ArchitectureSpec {
  const example = COMPOSE_EXAMPLES.find((e) => e.id === id);
  if (!example) throw new Error(`no example ${id}`);
  if (!example.path) return scenarios[id]!;
  const loaded = loadComposeText(readFileSync(resolve('public', example.path), 'utf8'), { fileName: example.path });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.source.spec;
}

/** What each active service waits for (inactive services have no container to wait on). */
function conditionsOf(spec: ArchitectureSpec): ServiceConditions[] {
  const active = spec.services.filter((s) => isServiceActive(spec, s));
  const names = new Set(active.map((s) => s.name));
  return active.map((s) => ({ service: s.name, dependsOn: s.dependsOn.filter((d) => names.has(d.service)) }));
}

function moment(architecture: Architecture): Moment {
  const out: Record<string, Moment[string]> = {};
  for (const entry of architecture.containers) {
    const state = inspectState(architecture.containerActor(entry.name)!.getSnapshot());
    out[entry.name] = { service: entry.service, status: state.Status, health: state.Health?.Status ?? null, exitCode: state.Status === 'exited' ? state.ExitCode : null };
  }
  return out;
}

/**
 * The architecture's state now and after every Docker event of every container (emitted
 * events reach listeners once the snapshot is updated), while `clock` advances `ms` in
 * 100 ms steps. `start` events in order, too.
 */
async function record(architecture: Architecture, clock: SimulatedClock, ms: number): Promise<{ moments: Moment[]; starts: string[] }> {
  const moments = [moment(architecture)];
  const starts: string[] = [];
  for (const entry of architecture.containers) {
    architecture.containerActor(entry.name)!.on('docker.event', ({ message }) => {
      if (message.Type === 'container' && message.Action === 'start') starts.push(entry.name);
      moments.push(moment(architecture));
    });
  }
  for (let t = 0; t < ms; t += 100) {
    clock.increment(100);
    await Promise.resolve(); // daemon log entries are grouped per microtask
  }
  return { moments, starts };
}

function newClock(): SimulatedClock {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  return clock;
}

describe('the first view is a docker compose up -d in dependency order', () => {
  for (const example of COMPOSE_EXAMPLES) {
    it(`${example.label}: nothing starts before its depends_on conditions hold; everything is up at the end`, async () => {
      const spec = exampleSpec(example.id);
      const clock = newClock();
      const architecture = composeUp(spec, { clock });
      const log = architecture.getLog().map((e) => e.cli);
      expect(log.slice(0, 2)).toEqual(['docker compose create', 'docker compose up -d']);
      // The containers are created before any starts: at first only services with no dependency run.
      const first = moment(architecture);
      const waiting = conditionsOf(spec).filter((s) => s.dependsOn.length > 0);
      for (const { service } of waiting) {
        for (const c of Object.values(first).filter((c) => c.service === service)) expect(c.status, service).toBe('created');
      }
      const { moments, starts } = await record(architecture, clock, 120_000);
      expect(orderViolations(moments, conditionsOf(spec))).toEqual([]);
      expect(notUpYet(moments.at(-1)!, conditionsOf(spec))).toEqual([]);
      expect(architecture.getComposeProgress()?.status).toBe('done');
      expect(architecture.getLog().some((e) => e.cli === '# docker compose up -d: done')).toBe(true);
      // Every dependant started (its first `start` event) after each of its dependencies' first start.
      for (const { service, dependsOn } of waiting) {
        const containerOf = (s: string) => architecture.containers.filter((c) => c.service === s).map((c) => c.name);
        const firstStart = (s: string) => Math.min(...containerOf(s).map((n) => starts.indexOf(n)).filter((i) => i >= 0));
        const lastDependencyStart = Math.max(...dependsOn.map((d) => Math.max(...containerOf(d.service).map((n) => starts.indexOf(n)))));
        expect(firstStart(service), `${service} starts after its dependencies`).toBeGreaterThan(lastDependencyStart);
      }
      architecture.stop();
    });
  }

  it('the order waits for real time: voting-ui runs only after voting-db, then voting-api, became healthy', async () => {
    const clock = newClock();
    const architecture = composeUp(exampleSpec('voting'), { clock });
    const { moments } = await record(architecture, clock, 60_000);
    const index = (predicate: (m: Moment) => boolean) => moments.findIndex(predicate);
    const dbHealthy = index((m) => m['voting-db-1']?.health === 'healthy');
    const apiStarted = index((m) => m['voting-api-1']?.status === 'running');
    const apiHealthy = index((m) => m['voting-api-1']?.health === 'healthy');
    const uiStarted = index((m) => m['voting-ui-1']?.status === 'running');
    expect(dbHealthy).toBeGreaterThan(0);
    expect(apiStarted).toBeGreaterThan(dbHealthy);
    expect(apiHealthy).toBeGreaterThan(apiStarted);
    expect(uiStarted).toBeGreaterThan(apiHealthy);
    architecture.stop();
  });

  it('the check can fail: the old first view (every container started at once) breaks the order of voting and scaled-workers', async () => {
    for (const id of ['voting', 'scaled-workers']) {
      const spec = exampleSpec(id);
      const clock = newClock();
      const architecture = createArchitecture(spec, { clock });
      const { moments } = await record(architecture, clock, 1_000);
      expect(orderViolations(moments, conditionsOf(spec)).length, id).toBeGreaterThan(0);
      architecture.stop();
    }
  });
});

describe('a save made while the first view is still coming up', () => {
  it('records the up under way, and restoring it goes on with the up in dependency order until everything is up', async () => {
    const spec = exampleSpec('voting');
    const clock = newClock();
    const first = composeUp(spec, { clock });
    clock.increment(2_000); // voting-db runs, its health check is still starting: voting-api waits
    const saved = first.save();
    expect(saved.compose).toBe('up');
    expect(notUpYet(moment(first), conditionsOf(spec)).length).toBeGreaterThan(0);
    first.stop();

    const parsed = parseSavedArchitecture(JSON.stringify(saved));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.saved.compose).toBe('up');
    const later = newClock();
    later.set(saved.savedAt);
    const restored = createArchitecture(spec, { clock: later, restore: parsed.saved });
    expect(restored.getLog().map((e) => e.cli)).toEqual(['# restored saved state', 'docker compose up -d']);
    const { moments } = await record(restored, later, 120_000);
    expect(orderViolations(moments, conditionsOf(spec))).toEqual([]);
    expect(notUpYet(moments.at(-1)!, conditionsOf(spec))).toEqual([]);
    expect(restored.getLog().some((e) => e.cli === '# docker compose up -d: done')).toBe(true);
    // Saved once the up is over: nothing to go on with.
    expect(restored.save().compose).toBeUndefined();
    restored.stop();
  });
});
