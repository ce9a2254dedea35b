/**
 * The container chart is the machine's definition: same states, same transitions, and
 * every click event is one the machine accepts from the transition's source state.
 */
import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { containerMachine, type ContainerEvent } from '../../../machines';
import { chartTransitions } from '../../../src/model/lifecycleChart/chartFromMachine';
import { containerChart } from '../../../src/model/lifecycleChart/containerChart';
import { activeStateIds } from '../../../src/model/lifecycleChart/stateValue';
import { actorAfter, pathsToStates } from './reachStates';

/** An independent walk of the definition: every state node. */
function walkNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...(Object.values(node.states) as AnyStateNode[]).flatMap(walkNodes)];
}

/** Every transition definition: `source|eventType|branch → target`. */
function definitionTransitions(): string[] {
  return walkNodes(containerMachine.root).flatMap((node) => {
    const fromMap = [...node.transitions].flatMap(([eventType, defs]) =>
      defs.map((def, branch) => `${node.id}|${eventType}|${branch} → ${def.target?.[0]?.id ?? node.id}`),
    );
    const always = (node.always ?? []).map((def, branch) => `${node.id}|${def.eventType}|${branch} → ${def.target?.[0]?.id ?? node.id}`);
    return [...fromMap, ...always];
  });
}

describe('containerChart: states', () => {
  const chart = containerChart();

  it('has exactly the state nodes of containerMachine.root, with their type and parent', () => {
    const expected = walkNodes(containerMachine.root).map((n) => ({ id: n.id, type: n.type, parent: n.parent?.id ?? null }));
    expect(chart.nodes.map((n) => ({ id: n.id, type: n.type, parent: n.parent }))).toEqual(expected);
  });

  it('draws running as a group containing up (initial) and restarting', () => {
    const running = chart.nodes.find((n) => n.key === 'running');
    const children = chart.nodes.filter((n) => n.parent === running?.id);
    expect(running?.type).toBe('compound');
    expect(children.map((c) => [c.key, c.initial])).toEqual([
      ['up', true],
      ['restarting', false],
    ]);
  });

  it('marks final states and captions Docker status where it differs from the name', () => {
    const byKey = new Map(chart.nodes.map((n) => [n.key, n]));
    expect(byKey.get('removed')?.type).toBe('final');
    expect(byKey.get('stopped')?.caption).toBe('exited');
    expect(byKey.get('up')?.caption).toBe('running');
    expect(byKey.get('paused')?.caption).toBeNull();
  });
});

describe('containerChart: transitions', () => {
  const chart = containerChart();
  const transitions = chartTransitions(chart);

  it('has one transition per definition transition, with the same source, event type, branch and target', () => {
    const drawn = transitions.map((t) => `${t.id} → ${t.target}`);
    expect([...drawn].sort()).toEqual([...definitionTransitions()].sort());
  });

  it('merges transitions between the same pair of states into one edge', () => {
    const pairs = chart.edges.map((e) => `${e.source}->${e.target}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const edge of chart.edges) for (const t of edge.transitions) expect([t.source, t.target]).toEqual([edge.source, edge.target]);
    const upToStopped = chart.edges.find((e) => e.id === 'container.running.up->container.stopped');
    expect(upToStopped?.transitions.map((t) => t.label)).toEqual(['docker stop', 'docker kill', 'crash', 'OOM kill']);
  });

  it('keeps guard names, including composite guards', () => {
    const guards = new Map(transitions.map((t) => [t.id, t.guard]));
    expect(guards.get('container.running.up|remove|0')).toBe('isForced');
    expect(guards.get('container.running.up|kill|0')).toBe('signalIsFatal');
    expect(guards.get('container.running.up|kill|1')).toBe('validSignal');
    expect(guards.get('container.running.up|exit|0')).toBe('validExitCode && policyRestarts');
    expect(guards.get('container.created|start|0')).toBeNull();
  });

  it('derives the click event from the guards', () => {
    const event = new Map(transitions.map((t) => [t.id, t.event]));
    expect(event.get('container.running.up|remove|0')).toEqual({ type: 'remove', force: true });
    expect(event.get('container.created|remove|0')).toEqual({ type: 'remove' });
    expect(event.get('container.running.up|kill|0')).toEqual({ type: 'kill' });
    expect(event.get('container.running.up|kill|1')).toEqual({ type: 'kill', signal: 'SIGHUP' });
    expect(event.get('container.running.up|exit|0')).toEqual({ type: 'exit', exitCode: 1 });
    expect(event.get('container.running.up|exit|1')).toEqual({ type: 'exit', exitCode: 1 });
    expect(event.get('container.running.up|oom|0')).toEqual({ type: 'oom' });
  });

  it('labels with Docker command names; delayed transitions are not clickable', () => {
    const byId = new Map(transitions.map((t) => [t.id, t]));
    expect(byId.get('container.running.up|stop|0')?.label).toBe('docker stop');
    expect(byId.get('container.running.up|remove|0')?.label).toBe('docker rm -f');
    expect(byId.get('container.running.up|exit|1')?.label).toBe('crash');
    expect(byId.get('container.running.up|oom|1')?.label).toBe('OOM kill');
    const backOff = transitions.find((t) => t.kind === 'delayed' && t.delay === 'restartBackoff');
    expect(backOff).toMatchObject({ event: null, label: 'back-off elapsed', source: 'container.running.restarting', target: 'container.running.up' });
  });
});

describe('containerChart: click events against real actors', () => {
  const chart = containerChart();
  const paths = pathsToStates();

  it('reaches every atomic state of the chart, running.restarting included', () => {
    const reached = new Set([...paths.keys()].flatMap((key) => activeStateIds(containerMachine.root, JSON.parse(key))));
    for (const node of chart.nodes.filter((n) => n.type === 'atomic' || n.type === 'final')) expect(reached, node.id).toContain(node.id);
    expect(paths.get(JSON.stringify({ running: 'restarting' }))?.at(-1)).toEqual({ type: 'exit', exitCode: 1 });
  });

  it('accepts every edge’s click event from the edge’s source state (snapshot.can)', () => {
    const clickable = chartTransitions(chart).filter((t) => t.event !== null);
    expect(clickable.length).toBeGreaterThan(20);
    for (const t of clickable) {
      const key = [...paths.keys()].find((k) => activeStateIds(containerMachine.root, JSON.parse(k)).includes(t.source));
      expect(key, `no path to ${t.source}`).toBeDefined();
      const actor = actorAfter(paths.get(key as string) ?? []);
      expect(actor.getSnapshot().can(t.event as ContainerEvent), `${t.id} with ${JSON.stringify(t.event)}`).toBe(true);
      actor.stop();
    }
  });
});
