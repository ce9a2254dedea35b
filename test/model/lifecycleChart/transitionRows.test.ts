/**
 * The buttons under the chart for real actors: enabled iff the machine would take that
 * transition now, with the event that takes it for this container, and a reason otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { ContainerEvent, ContainerInput } from '../../../machines';
import { chartTransitions } from '../../../src/model/lifecycleChart/chartFromMachine';
import { containerChart } from '../../../src/model/lifecycleChart/containerChart';
import { containerTransitionRows, fireButtonName, type TransitionRow } from '../../../src/model/lifecycleChart/transitionRows';
import { actorAfter, pathsToStates } from './reachStates';

const START: ContainerEvent = { type: 'start' };
const base: ContainerInput = { name: 'web', image: 'nginx:alpine' };

function rowsAfter(events: ContainerEvent[], input: ContainerInput = base): TransitionRow[] {
  const actor = actorAfter(events, input);
  const rows = containerTransitionRows(actor.getSnapshot());
  actor.stop();
  return rows;
}

const byName = (rows: TransitionRow[]) => new Map(rows.map((r) => [fireButtonName(r), r]));

describe('containerTransitionRows', () => {
  it('running, restart policy no: crash goes to stopped; the restarting branch is disabled with the reason', () => {
    const rows = byName(rowsAfter([START]));
    expect(rows.get('Fire docker stop → stopped (from running)')).toMatchObject({ enabled: true, event: { type: 'stop' } });
    expect(rows.get('Fire crash → stopped (from running)')).toMatchObject({ enabled: true, event: { type: 'exit', exitCode: 1 } });
    const restarting = rows.get('Fire crash → restarting (from running)');
    expect(restarting?.enabled).toBe(false);
    expect(restarting?.reason).toContain('goes to stopped instead');
  });

  it('running, restart policy on-failure: exit 0 stops, exit 1 restarts', () => {
    const rows = byName(rowsAfter([START], { ...base, restartPolicy: 'on-failure' }));
    expect(rows.get('Fire exit 0 → stopped (from running)')).toMatchObject({ enabled: true, event: { type: 'exit', exitCode: 0 } });
    expect(rows.get('Fire crash → restarting (from running)')).toMatchObject({ enabled: true, event: { type: 'exit', exitCode: 1 } });
  });

  it('the surviving docker kill uses a signal this process survives', () => {
    const plain = rowsAfter([START]).find((r) => r.id === 'container.running.up|kill|1');
    const nginx = rowsAfter([START], { ...base, process: { onStopSignal: 'graceful' } }).find((r) => r.id === 'container.running.up|kill|1');
    expect(plain).toMatchObject({ enabled: true, event: { type: 'kill', signal: 'SIGWINCH' }, to: 'running' });
    expect(nginx).toMatchObject({ enabled: true, event: { type: 'kill', signal: 'SIGHUP' }, label: 'docker kill -s SIGHUP' });
  });

  it('restarting: back-off elapsed is automatic (armed, with its delay), docker rm -f is offered', () => {
    const rows = rowsAfter([START, { type: 'exit', exitCode: 1 }], { ...base, restartPolicy: 'always' });
    expect(rows.find((r) => r.kind === 'delayed')).toMatchObject({ label: 'back-off elapsed', event: null, enabled: true, delayMs: 100, to: 'running' });
    expect(byName(rows).get('Fire docker rm -f → removed (from restarting)')).toMatchObject({ enabled: true, event: { type: 'remove', force: true } });
  });

  it('disabled rows say why in Docker’s words', () => {
    const probe = rowsAfter([]).find((r) => r.event?.type === 'probe');
    expect(probe).toMatchObject({ enabled: false, reason: 'container web has no healthcheck configured', from: 'created', to: 'created' });
  });

  it('removed: no rows (final state)', () => {
    expect(rowsAfter([{ type: 'remove' }])).toEqual([]);
  });

  it('in every reachable state: enabled rows are accepted by the machine; names are unique and never a bare command', () => {
    const bare = new Set(['Start', 'Stop', 'Kill', 'Pause', 'Unpause', 'Restart', 'Remove']);
    for (const path of pathsToStates().values()) {
      const actor = actorAfter(path);
      const rows = containerTransitionRows(actor.getSnapshot());
      const names = rows.filter((r) => r.event !== null).map(fireButtonName);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(bare.has(name)).toBe(false);
      for (const row of rows.filter((r) => r.enabled && r.event)) expect(actor.getSnapshot().can(row.event as ContainerEvent)).toBe(true);
      actor.stop();
    }
  });

  it('over a few containers, every clickable transition of the chart is enabled somewhere', () => {
    const inputs: ContainerInput[] = [
      base,
      { ...base, restartPolicy: 'always', healthcheck: { test: 'true' } },
      { ...base, restartPolicy: 'on-failure', process: { onStopSignal: 'graceful' } },
    ];
    const enabled = new Set<string>();
    for (const input of inputs) {
      for (const path of pathsToStates(input).values()) for (const row of rowsAfter(path, input)) if (row.enabled && row.event) enabled.add(row.id);
    }
    const clickable = chartTransitions(containerChart()).filter((t) => t.event !== null).map((t) => t.id);
    expect(clickable.filter((id) => !enabled.has(id))).toEqual([]);
  });
});
