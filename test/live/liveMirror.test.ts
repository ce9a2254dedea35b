/**
 * The live page's model: a state read becomes containers in those states, grouped by
 * Compose service; real events move them through the replay's event application, and an
 * impossible one is flagged.
 */
import { describe, expect, it } from 'vitest';
import { inspectState } from '../../machines';
import { SimulationClock } from '../../src/model/clock/simulationClock';
import { earliestTime, LiveMirror } from '../../src/live/liveMirror';
import { parseDependsOnLabel } from '../../src/live/liveSpec';
import type { LiveContainer, LiveSettings } from '../../src/live/protocol';

const T0 = Date.UTC(2026, 11, 7, 18, 0, 0);
const SETTINGS: LiveSettings = { allowCommands: false, filter: null, compose: null, commandsPerMinute: 60 };

function container(name: string, over: Partial<LiveContainer> = {}): LiveContainer {
  return {
    id: name.padEnd(64, '0').replace(/[^0-9a-f]/g, 'f').slice(0, 64),
    name,
    image: 'local/busybox:1',
    labels: {},
    status: 'running',
    exitCode: 0,
    oomKilled: false,
    restartCount: 0,
    restartPolicy: 'no',
    createdAt: T0,
    startedAt: T0 + 1000,
    finishedAt: null,
    commandable: false,
    ...over,
  };
}

function compose(project: string, service: string, n: number, extra: Record<string, string> = {}): Record<string, string> {
  return { 'com.docker.compose.project': project, 'com.docker.compose.service': service, 'com.docker.compose.container-number': String(n), ...extra };
}

function mirrorOf(containers: LiveContainer[], settings = SETTINGS): LiveMirror {
  const readAt = (T0 + 60_000) * 1e6;
  return new LiveMirror(settings, containers, readAt, new SimulationClock(earliestTime(containers, readAt), 1));
}

function rawEvent(action: string, c: LiveContainer, at: number, attributes: Record<string, string> = {}) {
  return { Type: 'container', Action: action, Actor: { ID: c.id, Attributes: { name: c.name, image: c.image, ...c.labels, ...attributes } }, scope: 'local', time: Math.floor(at / 1000), timeNano: at * 1e6 };
}

describe('a state read', () => {
  it('groups Compose containers by service, with depends_on edges from the label, and draws the rest on their own', () => {
    const m = mirrorOf([
      container('shop-db-1', { labels: compose('shop', 'db', 1) }),
      container('shop-web-1', { labels: compose('shop', 'web', 1, { 'com.docker.compose.depends_on': 'db:service_healthy:false' }) }),
      container('shop-web-2', { labels: compose('shop', 'web', 2) }),
      container('loner'),
    ]);
    const { spec, containers } = m.architecture;
    expect(spec.project).toBe('shop');
    expect(containers.map((c) => `${c.name}:${c.service}:${c.replica}`)).toEqual(['shop-db-1:db:1', 'shop-web-1:web:1', 'shop-web-2:web:2', 'loner:loner:1']);
    expect(spec.services.find((s) => s.name === 'web')?.dependsOn).toMatchObject([{ service: 'db', condition: 'service_healthy' }]);
  });

  it('puts each container in its state with its real ID, times and exit code', () => {
    const paused = container('p', { status: 'paused' });
    const exited = container('e', { status: 'exited', exitCode: 137, finishedAt: T0 + 5000 });
    const created = container('c', { status: 'created', startedAt: null });
    const m = mirrorOf([paused, exited, created]);
    const state = (name: string) => inspectState(m.architecture.containerActor(name)!.getSnapshot());
    expect(state('p').Status).toBe('paused');
    expect(state('e')).toMatchObject({ Status: 'exited', ExitCode: 137, FinishedAt: '2026-12-07T18:00:05Z' });
    expect(state('c').Status).toBe('created');
    expect(m.architecture.containerActor('p')!.getSnapshot().context.id).toBe(paused.id);
  });
});

describe('real events', () => {
  it('move the node through the replay, and an impossible one is flagged', () => {
    const web = container('shop-web-1', { labels: compose('shop', 'web', 1) });
    const m = mirrorOf([web]);
    expect(m.apply(rawEvent('pause', web, T0 + 61_000))).toMatchObject({ kind: 'applied' });
    expect(m.status('shop-web-1')).toBe('paused');
    const again = m.apply(rawEvent('pause', web, T0 + 62_000));
    expect(again).toMatchObject({ kind: 'flagged' });
    const entry = m.architecture.getLog().at(-1)!;
    expect(entry.cli).toMatch(/^# 18:01:02\.000 engine: container pause shop-web-1$/);
    expect(entry).toMatchObject({ kind: 'replay', outcome: 'error', message: 'pause for shop-web-1, which is paused' });
  });

  it('place a container created later in its Compose slot, with its real ID', () => {
    const web = container('shop-web-1', { labels: compose('shop', 'web', 1) });
    const m = mirrorOf([web]);
    const second = container('shop-web-2', { labels: compose('shop', 'web', 2), id: 'c'.repeat(64) });
    m.apply(rawEvent('create', second, T0 + 61_000));
    m.apply(rawEvent('start', second, T0 + 61_500));
    const entry = m.architecture.containers.find((c) => c.name === 'shop-web-2');
    expect(entry).toMatchObject({ service: 'web', replica: 2, id: 'c'.repeat(64) });
    expect(m.status('shop-web-2')).toBe('running');
  });
});

describe('com.docker.compose.depends_on', () => {
  it('reads service:condition:restart lists', () => {
    expect(parseDependsOnLabel('db:service_healthy:false,cache:service_started:true')).toMatchObject([
      { service: 'db', condition: 'service_healthy', restart: false },
      { service: 'cache', condition: 'service_started', restart: true },
    ]);
    expect(parseDependsOnLabel('')).toEqual([]);
  });
});
