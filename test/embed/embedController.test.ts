/**
 * The embed controller on the app's real session store: parameter problems, stories
 * (time moves only by their waits), persistence per embed (localStorage and #state=
 * links, exact round trips, corrupted and old saves), compose and story files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionStore } from '../../src/app/sessionStore';
import { loadComposeText } from '../../src/features/compose/loadCompose';
import { eventsLogSource } from '../../src/features/replay/loadEventsLog';
import { EmbedController, needsRebuild, type EmbedEnvironment } from '../../src/embed/embedController';
import { parseEmbedParams } from '../../src/embed/embedParams';
import { EMBED_SAVE_FORMAT, readStateHash, storageKey, toBase64Url } from '../../src/embed/persistence';
import { memoryStorage } from './memoryStorage';
import { runComposeToEnd } from '../../src/model/session/composeUp';

const PAGE = 'https://slides.example/deck/embed.html';
const live: EmbedController[] = [];
afterEach(() => {
  for (const c of live.splice(0)) c.dispose();
});

function embed(query: string, env: Partial<EmbedEnvironment> = {}): EmbedController {
  const { options, problems } = parseEmbedParams(query, { baseUrl: PAGE });
  const controller = new EmbedController(options, problems, {
    createStore: createSessionStore,
    pageUrl: PAGE,
    storage: null,
    saveDelayMs: 0,
    loadCompose: (text, url) => {
      const loaded = loadComposeText(text, { fileName: url });
      return loaded.ok ? { ok: true, source: loaded.source } : { ok: false, message: loaded.message };
    },
    ...env,
  });
  live.push(controller);
  return controller;
}

const alerts = (c: EmbedController) => c.getView().alerts.map((a) => a.text);

/** Runs the first view's `docker compose up -d` to its end on the session's clock. */
const untilUp = (c: EmbedController) => runComposeToEnd(c.session);

describe('start-up', () => {
  it('shows the scenario coming up (docker compose up -d), then running, with the parameter problems as alerts', async () => {
    const c = embed('?theme=purple&foo=1');
    await c.ready;
    expect(Object.values(c.getState())).toHaveLength(10);
    // At first only the services without dependencies run; the rest wait in `created`.
    expect(c.getState()).toMatchObject({ postgres: 'running', redis: 'running', rabbitmq: 'running', 'api-gateway': 'created', 'load-balancer': 'created' });
    expect(c.session.architecture.getLog().map((e) => e.cli).slice(0, 2)).toEqual(['docker compose create', 'docker compose up -d']);
    untilUp(c);
    expect(c.session.architecture.getComposeProgress()?.status).toBe('done');
    expect(new Set(Object.values(c.getState()))).toEqual(new Set(['running']));
    expect(alerts(c)).toEqual([expect.stringContaining('theme="purple"'), expect.stringContaining('Unknown parameter "foo"')]);
    c.dismissAlerts();
    expect(alerts(c)).toEqual([]);
  });

  it('selects the container asked for, or says it does not exist', async () => {
    const c = embed('?select=redis');
    await c.ready;
    expect(c.session.selection.get()).toBe('redis');
    const d = embed('?select=mongo');
    await d.ready;
    expect(d.session.selection.get()).toBeNull();
    expect(alerts(d)).toEqual(['select="mongo": there is no such container; nothing is selected.']);
  });

  it('applies the speed (paused with a story: time moves only by its waits)', async () => {
    const c = embed('?speed=5');
    await c.ready;
    expect(c.session.clock.speed).toBe(5);
    const s = embed('?speed=5&story=crash-loop');
    await s.ready;
    expect(s.session.clock.speed).toBe(0);
  });

  it('needsRebuild: only what is shown needs a new controller', () => {
    const a = parseEmbedParams('?story=crash-loop', { baseUrl: PAGE }).options;
    expect(needsRebuild(a, { ...a, theme: 'dark', controls: 'none', step: 3 })).toBe(false);
    expect(needsRebuild(a, { ...a, story: { kind: 'builtin', id: 'typical-flow' } })).toBe(true);
    expect(needsRebuild(a, { ...a, compose: 'https://x/y.yml' })).toBe(true);
  });
});

describe('stories', () => {
  it('steps forward and back exactly; captions follow; Home restarts', async () => {
    const c = embed('?story=typical-flow');
    await c.ready;
    expect(c.getView().story).toMatchObject({ title: 'The lifecycle of one container', position: 0, length: 7 });
    // The story starts from a settled platform (health checks passed).
    expect(c.session.architecture.containerActor('postgres')!.getSnapshot().context.health?.status).toBe('healthy');
    expect(c.step()).toEqual({ ok: true });
    expect(c.getState()['order-service']).toBe('removed');
    c.step();
    c.step();
    c.step();
    expect(c.getState()['order-service']).toBe('paused');
    expect(c.session.selection.get()).toBe('order-service');
    const before = c.session.architecture;
    expect(c.back()).toEqual({ ok: true });
    expect(c.session.architecture).not.toBe(before);
    expect(c.getState()['order-service']).toBe('running');
    expect(c.getView().story).toMatchObject({ position: 3, caption: expect.stringContaining('docker start') });
    c.home();
    expect(c.getView().story?.position).toBe(0);
    expect(c.getState()['order-service']).toBe('running');
    expect(c.back()).toEqual({ ok: false, error: 'the story is at its first step' });
  });

  it('opens at step=n; past the end shows the last step with a message', async () => {
    const c = embed('?story=typical-flow&step=4');
    await c.ready;
    expect(c.getView().story?.position).toBe(4);
    expect(c.getState()['order-service']).toBe('paused');
    const d = embed('?story=graceful-vs-forced&step=9');
    await d.ready;
    expect(d.getView().story?.position).toBe(2);
    expect(alerts(d)).toEqual(['step=9 is past the end of the story (2 steps); showing the last step.']);
    expect(d.step()).toEqual({ ok: false, error: 'the story is at its last step' });
  });

  it('step/back without a story are refused with the reason', async () => {
    const c = embed('');
    expect(c.step()).toEqual({ ok: false, error: 'no story is loaded (story=<id or URL>)' });
    expect(c.back()).toEqual({ ok: false, error: 'no story is loaded (story=<id or URL>)' });
  });

  it('loads a story file (YAML), or says where it is wrong', async () => {
    const files: Record<string, string> = {
      'https://slides.example/deck/ok.yaml': 'title: Mine\nsteps:\n  - container: redis\n    command: pause\n    caption: frozen\n',
      'https://slides.example/deck/bad.yaml': 'title: Bad\nsteps:\n  - container: redis\n    command: freeze\n',
    };
    const fetchText = async (url: string) => {
      const text = files[url];
      if (text === undefined) throw new Error(`could not fetch ${url} (HTTP 404)`);
      return text;
    };
    const ok = embed('?story=ok.yaml', { fetchText });
    await ok.ready;
    ok.step();
    expect(ok.getState().redis).toBe('paused');
    expect(ok.getView().story).toMatchObject({ title: 'Mine', caption: 'frozen' });
    const bad = embed('?story=bad.yaml', { fetchText });
    await bad.ready;
    expect(bad.getView().story).toBeNull();
    expect(alerts(bad)).toEqual(['The story could not be loaded: bad.yaml: steps[0].command: unknown command "freeze" (expected start, stop, kill, pause, unpause, restart, remove, create, run, or an event object such as { type: \'stop\', timeoutSeconds: 2 })']);
    const missing = embed('?story=gone.yaml', { fetchText });
    await missing.ready;
    expect(alerts(missing)).toEqual(['The story could not be loaded: could not fetch https://slides.example/deck/gone.yaml (HTTP 404).']);
  });

  it('a compose action with a story runs to its end at once', async () => {
    const c = embed('?story=crash-loop');
    await c.ready;
    expect(c.compose('stop')).toEqual({ ok: true });
    expect(new Set(Object.values(c.getState()))).toEqual(new Set(['exited']));
  });
});

describe('compose files', () => {
  const compose = 'services:\n  web:\n    image: nginx:alpine\n    depends_on: [db]\n  db:\n    image: postgres:16\n';

  it('loads the file instead of the scenario', async () => {
    const c = embed('?compose=shop.yml', { fetchText: async () => compose });
    await c.ready;
    expect(Object.keys(c.getState()).sort()).toEqual(['shop-db-1', 'shop-web-1']);
    c.reset();
    expect(Object.keys(c.getState()).sort()).toEqual(['shop-db-1', 'shop-web-1']);
  });

  it('keeps the scenario and says why when the file is bad or missing', async () => {
    const bad = embed('?compose=shop.yml', { fetchText: async () => 'services: [1, 2' });
    await bad.ready;
    expect(Object.keys(bad.getState())).toHaveLength(10);
    expect(alerts(bad)).toEqual([expect.stringMatching(/^shop\.yml: .*Showing the scenario instead\.$/)]);
    const missing = embed('?compose=shop.yml', { fetchText: async () => { throw new Error('could not fetch x (HTTP 404)'); } });
    await missing.ready;
    expect(alerts(missing)).toEqual(['The compose file could not be loaded: could not fetch x (HTTP 404); showing the scenario instead.']);
  });
});

describe('docker events logs', () => {
  const log = readFileSync(resolve(__dirname, '../fixtures/events/moby_docs-api-v1.24__events_example.jsonl'), 'utf8');
  const loadEvents = async (url: string) => eventsLogSource(log, url.split('/').pop()!);

  it('replays the log instead of the scenario (a replay is not saved; a story is ignored with a message)', async () => {
    const storage = memoryStorage();
    const c = embed('?events=logs/example.jsonl&story=crash-loop', { loadEvents, storage });
    await c.ready;
    expect(c.session.replay).not.toBeNull();
    expect(c.getView().story).toBeNull();
    expect(alerts(c)).toEqual(['story is ignored while a docker events log is replayed (events=).']);
    c.session.replay!.skipToEnd();
    await Promise.resolve();
    expect(c.getState()).toEqual({ 'my-container': 'removed' });
    c.saveNow();
    expect(storage.map.size).toBe(0);
  });

  it('keeps the scenario and says why when the log cannot be loaded', async () => {
    const c = embed('?events=logs/missing.jsonl', { loadEvents: async () => ({ ok: false, error: 'Could not load the events log from x: HTTP 404.' }) });
    await c.ready;
    expect(Object.keys(c.getState())).toHaveLength(10);
    expect(alerts(c)).toEqual(['Could not load the events log from x: HTTP 404. Showing the scenario instead.']);
  });
});

describe('persistence', () => {
  it('persist=0 (the default): a reload opens fresh, nothing is written, an old save is left alone', async () => {
    const storage = memoryStorage();
    const first = embed('?story=typical-flow', { storage });
    await first.ready;
    first.step();
    first.send('redis', { type: 'pause' });
    first.dispose();
    expect(storage.map.size).toBe(0);

    const saving = embed('?story=typical-flow&persist=1', { storage });
    await saving.ready;
    saving.step();
    saving.dispose();
    expect(storage.map.size).toBe(1);
    const fresh = embed('?story=typical-flow', { storage });
    await fresh.ready;
    expect(fresh.getView().story?.position).toBe(0);
    expect(fresh.getView().restored).toBe(false);
    expect(fresh.getState()['order-service']).toBe('running');
  });

  it('persist=1: a revisited embed shows the same state (localStorage) and says so; Reset forgets it', async () => {
    const storage = memoryStorage();
    const first = embed('?story=typical-flow&persist=1', { storage });
    await first.ready;
    first.step();
    first.step();
    first.send('redis', { type: 'pause' });
    first.dispose();
    expect(storage.map.size).toBe(1);

    const again = embed('?story=typical-flow&theme=dark&persist=1', { storage });
    await again.ready;
    expect(again.getView().story?.position).toBe(2);
    expect(again.getView().restored).toBe(true);
    expect(again.getState()).toMatchObject({ 'order-service': 'created', redis: 'paused' });
    expect(again.step()).toEqual({ ok: true }); // the story carries on from the restored position
    expect(again.getState()['order-service']).toBe('running');
    again.reset();
    expect(again.getView().restored).toBe(false);
    expect(storage.map.size).toBe(0);
    expect(again.getState()).toMatchObject({ 'order-service': 'running', redis: 'running' });
    expect(again.getView().story?.position).toBe(0);
  });

  it('does not save an untouched embed, even when Docker acts by itself (health checks)', async () => {
    const storage = memoryStorage();
    const c = embed('?persist=1', { storage });
    await c.ready;
    c.session.clock.increment(60_000); // health probes: daemon log entries
    await Promise.resolve();
    expect(c.session.architecture.getLog().some((e) => e.kind === 'daemon')).toBe(true);
    c.saveNow();
    expect(storage.map.size).toBe(0);
  });

  it('a #state= link restores exactly; the link is refused over 100 kB', async () => {
    const c = embed('?story=crash-loop');
    await c.ready;
    c.step();
    c.step();
    c.send('postgres', { type: 'stop' });
    const made = c.makeLink(PAGE);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const hash = new URL(made.link).hash;
    expect(readStateHash(hash)).toMatchObject({ ok: true });
    const opened = embed('?story=crash-loop', { stateHash: hash });
    await opened.ready;
    expect(opened.getState()).toEqual(c.getState());
    expect(opened.getView().restored, 'a link is asked for, not a leftover').toBe(false);
    expect(opened.getView().story?.position).toBe(2);
    const payment = (x: EmbedController) => x.session.architecture.containerActor('payment-service')!.getSnapshot().context;
    expect(payment(opened).restartCount).toBe(payment(c).restartCount);
    expect(payment(opened).restartPolicy).toEqual({ name: 'on-failure', maximumRetryCount: 3 });
  });

  it('a corrupted or old save: a friendly message, the default scenario, and the bad save is dropped', async () => {
    const storage = memoryStorage();
    const key = storageKey(PAGE, parseEmbedParams('', { baseUrl: PAGE }).options);
    storage.map.set(key, '{"format":"container-lifecycle/embed","version":1,"architecture":{"format":"container-lifecycle/architecture","version":0}}');
    const old = embed('?persist=1', { storage });
    await old.ready;
    untilUp(old);
    expect(alerts(old)).toEqual([
      'The saved state of this embed could not be restored (saved by format version 0; this version reads 1). Showing the architecture from the start instead.',
    ]);
    expect(new Set(Object.values(old.getState()))).toEqual(new Set(['running']));
    expect(storage.map.has(key)).toBe(false);

    storage.map.set(key, '{"format":"container-lifecycle/embed",');
    const corrupt = embed('?persist=1', { storage });
    await corrupt.ready;
    expect(alerts(corrupt)[0]).toMatch(/^The saved state of this embed could not be restored \(the saved state is not valid JSON/);

    const link = embed('', { stateHash: `#state=${toBase64Url(JSON.stringify({ format: EMBED_SAVE_FORMAT, version: 9 }))}` });
    await link.ready;
    expect(alerts(link)).toEqual([
      'The state in this link could not be restored (saved by embed format version 9; this version reads 1). Showing the architecture from the start instead.',
    ]);
  });
});

describe('in a deck (reveal.js slide:start / slide:stop)', () => {
  it('the clock stands still while the slide is hidden and runs again when it is shown', async () => {
    const c = embed('?speed=1');
    await c.ready;
    expect(c.session.clock.speed).toBe(1);
    c.slideStop();
    expect(c.hidden).toBe(true);
    expect(c.session.clock.speed).toBe(0);
    c.slideStart();
    expect(c.hidden).toBe(false);
    expect(c.session.clock.speed).toBe(1);
  });

  it('reset-on-enter=1 starts the story over on entry; without it the story stays where it was', async () => {
    const keep = embed('?story=typical-flow');
    await keep.ready;
    keep.step();
    keep.slideStop();
    keep.slideStart();
    await keep.ready;
    expect(keep.getView().story?.position).toBe(1);

    const again = embed('?story=typical-flow&reset-on-enter=1');
    await again.ready;
    again.step();
    again.step();
    again.slideStop();
    again.slideStart();
    await again.ready;
    await Promise.resolve();
    expect(again.getView().story?.position).toBe(0);
    expect(again.getState()['order-service']).toBe('running');
  });
});

describe('live options', () => {
  it('update applies select, step and speed without a new session', async () => {
    const c = embed('?story=typical-flow');
    await c.ready;
    const options = c.options;
    c.update({ ...options, select: 'redis', step: 3, theme: 'dark' });
    expect(c.session.selection.get()).toBe('redis');
    expect(c.getView().story?.position).toBe(3);
    expect(c.getView().options.theme).toBe('dark');
  });
});
