/**
 * Code run inside the benchmarked pages (passed to Playwright, serialized with
 * `Function.prototype.toString`, so each function is self-contained: no imports, no
 * closures over module variables).
 */

/** What `installBenchHooks` leaves on `window.__bench`. */
export interface PageBench {
  /** React commits (onCommitFiberRoot calls) since the last reset. */
  commits: number;
  /** When set, every commit walks the fiber tree and counts component renders. */
  countRenders: boolean;
  /** Container node renders by node id, since the last reset (countRenders only). */
  nodeRenders: Record<string, number>;
  /**
   * Container node renders (countRenders only) by kind: of a container a command in the
   * commit was sent to (`target`) or of another one (`other`), and by what changed in its
   * DOM: `visible` (text, classes, data attributes), `attrs` (only `title` / `aria-label`),
   * `none` (a wasted render: same DOM).
   */
  renderKinds: Record<'target.visible' | 'target.attrs' | 'target.none' | 'other.visible' | 'other.attrs' | 'other.none', number>;
  /** Every function component render (countRenders only), by component name. */
  componentRenders: Record<string, number>;
  /** Protocol `send` messages not yet followed by a commit: when (performance.now) and to which container. */
  pending: Array<{ t: number; container: string }>;
  /** Message → next commit, ms, per command. */
  latencies: number[];
  /** Long animation frames seen (PerformanceObserver 'long-animation-frame'). */
  loafs: Array<{ start: number; duration: number; blocking: number; styleAndLayout: number; scripts: Array<{ invoker: string; source: string; duration: number; forcedLayout: number }> }>;
  /** Startup: when 10 (or `expect`) `[data-container]` were first visible. */
  visibleAt: number | null;
  reset(): void;
  /** Records every component's current props/hooks, so the next commit's renders can be told apart. */
  seed(): void;
}

/**
 * Installed with `page.addInitScript` before any page script: a React DevTools global hook
 * (React calls `onCommitFiberRoot` once per commit in production builds too), a capture
 * listener stamping protocol messages, a long-animation-frame observer, and (when
 * `expectVisible` > 0) a watcher for the startup figure.
 */
export function installBenchHooks(opts: { expectVisible: number }): void {
  const w = window as unknown as Record<string, unknown>;
  type Fiber = { tag: number; type: unknown; child: Fiber | null; sibling: Fiber | null; return: Fiber | null; alternate: Fiber | null; memoizedProps: unknown; memoizedState: unknown };
  const seen = new WeakMap<object, { props: unknown; state: unknown }>();
  const emptyKinds = (): PageBench['renderKinds'] => ({ 'target.visible': 0, 'target.attrs': 0, 'target.none': 0, 'other.visible': 0, 'other.attrs': 0, 'other.none': 0 });
  const nodeSeen = new Map<string, { props: unknown; state: unknown }>();
  const bench = {
    commits: 0,
    countRenders: false,
    nodeRenders: {} as Record<string, number>,
    renderKinds: emptyKinds(),
    componentRenders: {} as Record<string, number>,
    pending: [] as PageBench['pending'],
    latencies: [] as number[],
    loafs: [] as PageBench['loafs'],
    visibleAt: null as number | null,
    roots: new Set<{ current: Fiber }>(),
    seed() {
      for (const root of bench.roots) walk(root.current, false, new Set());
      for (const el of document.querySelectorAll('[data-container]')) lastHtml.set(el.getAttribute('data-container') ?? '', withoutClock(el.outerHTML));
    },
    reset() {
      bench.commits = 0;
      bench.nodeRenders = {};
      bench.renderKinds = emptyKinds();
      bench.componentRenders = {};
      awaiting.clear();
      bench.pending = [];
      bench.latencies = [];
      bench.loafs = [];
    },
  };
  w.__bench = bench;

  const nameOf = (type: unknown): string => {
    if (typeof type === 'function') return (type as { displayName?: string; name?: string }).displayName || (type as { name?: string }).name || '(anonymous)';
    if (type && typeof type === 'object') {
      const t = type as { displayName?: string; render?: unknown; type?: unknown };
      return t.displayName || nameOf(t.render ?? t.type);
    }
    return String(type);
  };
  // A function component rendered in this commit iff its props or its hook list changed
  // identity since the last commit (a render makes a new hook list; a bailout keeps both).
  const lastHtml = new Map<string, string>();
  /** Containers sent a command and not rendered since. */
  const awaiting = new Set<string>();
  // The app's `docker ps` line ("Up 3 seconds") ticks on its own every second: not a render's doing.
  const withoutClock = (html: string) => html.replace(/(<span class="container-node__ps"[^>]*>)[^<]*(<\/span>)/g, '$1$2');
  const visiblePart = (html: string) => html.replace(/ (?:title|aria-label)="[^"]*"/g, '');
  /** What a render of container `id` changed in its DOM since the last look. */
  const domChange = (id: string): 'visible' | 'attrs' | 'none' => {
    const el = document.querySelector(`[data-container="${CSS.escape(id)}"]`);
    const html = el ? withoutClock(el.outerHTML) : '';
    const before = lastHtml.get(id) ?? '';
    lastHtml.set(id, html);
    if (html === before) return 'none';
    return visiblePart(html) === visiblePart(before) ? 'attrs' : 'visible';
  };
  const walk = (root: Fiber, count: boolean, targets: Set<string>) => {
    let node: Fiber | null = root;
    while (node) {
      const tag = node.tag;
      if (tag === 0 || tag === 11 || tag === 15) {
        const p = node.memoizedProps as { type?: unknown; id?: unknown; data?: unknown } | null;
        const record = seen.get(node) ?? (node.alternate ? seen.get(node.alternate) : undefined);
        if (count && record && (record.props !== node.memoizedProps || record.state !== node.memoizedState)) {
          const name = nameOf(node.type);
          bench.componentRenders[name] = (bench.componentRenders[name] ?? 0) + 1;
        }
        const next = { props: node.memoizedProps, state: node.memoizedState };
        seen.set(node, next);
        if (node.alternate) seen.set(node.alternate, next);
        // A React Flow custom node of type `container` (NodeWrapper passes positionAbsoluteX).
        if (p && p.type === 'container' && typeof p.id === 'string' && p.data && 'positionAbsoluteX' in p) {
          const last = nodeSeen.get(p.id);
          if (count && last && (last.props !== node.memoizedProps || last.state !== node.memoizedState)) {
            bench.nodeRenders[p.id] = (bench.nodeRenders[p.id] ?? 0) + 1;
            // The first render of a container after a command to it is the command's (whichever commit it lands in).
            const isTarget = targets.delete(p.id);
            const kind = `${isTarget ? 'target' : 'other'}.${domChange(p.id)}` as keyof PageBench['renderKinds'];
            bench.renderKinds[kind]++;
          }
          nodeSeen.set(p.id, next);
        }
      }
      if (node.child) {
        node = node.child;
        continue;
      }
      while (node && node !== root && !node.sibling) node = node.return;
      if (!node || node === root) break;
      node = node.sibling;
    }
  };

  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() {
      return 1;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      bench.commits++;
      bench.roots.add(root);
      if (bench.pending.length) {
        const now = performance.now();
        for (const m of bench.pending) bench.latencies.push(now - m.t);
        bench.pending = [];
      }
      if (bench.countRenders) walk(root.current, true, awaiting);
    },
  };

  // Capture listeners on window run before the page's own `message` listeners.
  window.addEventListener(
    'message',
    (event) => {
      const d = event.data as { source?: unknown; type?: unknown; container?: unknown } | null;
      if (d && d.source === 'container-lifecycle' && d.type === 'send') {
        bench.pending.push({ t: performance.now(), container: String(d.container) });
        awaiting.add(String(d.container));
      }
    },
    true,
  );

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Array<{
        startTime: number;
        duration: number;
        blockingDuration: number;
        renderStart: number;
        styleAndLayoutStart: number;
        scripts: Array<{ invoker: string; sourceFunctionName: string; sourceURL: string; duration: number; forcedStyleAndLayoutDuration: number }>;
      }>) {
        bench.loafs.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          styleAndLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((s) => ({
            invoker: s.invoker,
            source: `${s.sourceFunctionName || '?'}@${(s.sourceURL || '').split('/').pop()}`,
            duration: s.duration,
            forcedLayout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // no LoAF in this browser
  }

  if (opts.expectVisible > 0) {
    const visible = () => {
      if (bench.visibleAt !== null) return;
      const els = document.querySelectorAll('[data-container]');
      if (els.length < opts.expectVisible) return;
      const vw = window.innerWidth;
      const vh = window.innerHeight;
      let n = 0;
      for (const el of els) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < vw && r.top < vh && getComputedStyle(el).visibility === 'visible') n++;
      }
      if (n >= opts.expectVisible) bench.visibleAt = performance.now();
    };
    const start = () => {
      new MutationObserver(visible).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });
      const poll = () => {
        visible();
        if (bench.visibleAt === null) requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    };
    if (document.documentElement) start();
    else document.addEventListener('readystatechange', start, { once: true });
  }
}

export interface StormResult {
  sent: number;
  /** ms from the first command issued to the last one (by the driver, outside the page). */
  sendMs: number;
  /** ms from the last command issued until the page showed the final state of every container. */
  drainMs: number;
  /** Whether the final state was reached before the timeout. */
  drained: boolean;
  /** requestAnimationFrame deltas, ms, from the start of the storm until drained. */
  frames: number[];
  commits: number;
  latencies: number[];
  loafs: PageBench['loafs'];
  nodeRenders: Record<string, number>;
  renderKinds: PageBench['renderKinds'];
  componentRenders: Record<string, number>;
  /** Containers shown paused at the end, and how many the plan left paused. */
  pausedShown: number;
  pausedExpected: number;
}

/** The part of a storm that lives in the page between `beginStorm` and `endStorm`. */
interface StormState {
  frames: number[];
  recording: boolean;
  expectedPaused: Set<string>;
  startedAt: number;
}

/**
 * Before a storm: computes the final state `plan` leads to (from `initiallyPaused` paused,
 * the others running), resets the counters, starts recording rAF deltas, and defines
 * `window.__benchSend(batch)`, which posts each `[container, eventType]` of `batch` to this
 * window as a protocol message (what a host page does). The driver calls it from outside
 * the page (CDP), so a busy page cannot slow the command rate down: commands queue up.
 */
export async function beginStorm(args: { plan: Array<[string, string]>; initiallyPaused: string[]; countRenders: boolean }): Promise<void> {
  const w = window as unknown as { __bench: PageBench; __storm: StormState; __benchSend: (batch: Array<[string, string]>) => void };
  const bench = w.__bench;
  const expectedPaused = new Set<string>(args.initiallyPaused);
  for (const [name, type] of args.plan) {
    if (type === 'pause') expectedPaused.add(name);
    else expectedPaused.delete(name);
  }
  const origin = location.origin;
  w.__benchSend = (batch) => {
    for (const [container, type] of batch) window.postMessage({ source: 'container-lifecycle', type: 'send', container, event: { type } }, origin);
  };
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const state: StormState = { frames: [], recording: true, expectedPaused, startedAt: performance.now() };
  let last = performance.now();
  const onFrame = (t: number) => {
    state.frames.push(t - last);
    last = t;
    if (state.recording) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  w.__storm = state;
  bench.reset();
  if (args.countRenders) bench.seed();
  bench.countRenders = args.countRenders;
}

/**
 * After the driver issued the last command (at `lastIssuedEpoch`, ms since the epoch, the
 * same clock as `performance.timeOrigin + performance.now()` on one machine): waits until
 * every container shows its final `data-status`, at most `timeoutMs`, and returns the storm.
 */
export async function endStorm(args: { timeoutMs: number; sent: number; firstIssuedEpoch: number; lastIssuedEpoch: number }): Promise<StormResult> {
  const w = window as unknown as { __bench: PageBench; __storm: StormState };
  const bench = w.__bench;
  const state = w.__storm;
  const pausedNow = () => {
    const els = document.querySelectorAll('[data-container][data-status="paused"]');
    if (els.length !== state.expectedPaused.size) return els.length;
    for (const el of els) if (!state.expectedPaused.has(el.getAttribute('data-container') ?? '')) return -1;
    return els.length;
  };
  let drained = false;
  let shown = -1;
  const deadline = performance.now() + args.timeoutMs;
  while (performance.now() < deadline) {
    shown = pausedNow();
    if (shown === state.expectedPaused.size) {
      drained = true;
      break;
    }
    await new Promise((r) => requestAnimationFrame(r));
  }
  const drainMs = performance.timeOrigin + performance.now() - args.lastIssuedEpoch;
  state.recording = false;
  bench.countRenders = false;
  // Long-animation-frame entries arrive after their frame: give them a moment to land.
  await new Promise((r) => setTimeout(r, 100));
  return {
    sent: args.sent,
    sendMs: args.lastIssuedEpoch - args.firstIssuedEpoch,
    drainMs,
    drained,
    frames: state.frames,
    commits: bench.commits,
    latencies: bench.latencies,
    loafs: bench.loafs.filter((l) => l.start >= state.startedAt - 50),
    nodeRenders: bench.nodeRenders,
    renderKinds: bench.renderKinds,
    componentRenders: bench.componentRenders,
    pausedShown: Math.max(shown, 0),
    pausedExpected: state.expectedPaused.size,
  };
}

export interface IdleResult {
  ms: number;
  commits: number;
  frames: number[];
  nodeRenders: number;
  componentRenders: Record<string, number>;
}

/** `ms` without commands: React commits, container-node and component renders (fiber walk on), rAF deltas. */
export async function measureIdle(ms: number): Promise<IdleResult> {
  const bench = (window as unknown as { __bench: PageBench }).__bench;
  bench.reset();
  bench.seed();
  bench.countRenders = true;
  const frames: number[] = [];
  let last = performance.now();
  let on = true;
  const onFrame = (t: number) => {
    frames.push(t - last);
    last = t;
    if (on) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  on = false;
  bench.countRenders = false;
  return {
    ms: performance.now() - t0,
    commits: bench.commits,
    frames,
    nodeRenders: Object.values(bench.nodeRenders).reduce((a, n) => a + n, 0),
    componentRenders: { ...bench.componentRenders },
  };
}
