/**
 * The invariants of the property tests, checked on every container transition as it
 * happens: an XState inspection observer (`actor.system.inspect`) sees every event each
 * container actor receives (commands, Compose steps, restart back-off and health-check
 * timers), the snapshot before and after, and every Docker event emitted, in emission
 * order. Violations are collected (never thrown inside an actor) and read after each step.
 * Not a test file.
 */
import type { ActorRefLike, InspectionEvent } from 'xstate';
import {
  commandError,
  containerMachine,
  dockerStatus,
  inspectState,
  outcomeOf,
  transitionContainer,
  ZERO_TIME,
  type ContainerEvent,
  type ContainerSnapshot,
  type DockerEventMessage,
  type DockerStatus,
} from '../../machines';
import { COMMAND_TYPES, EVENT_CATALOGUE, KNOWN_BUGS } from './catalogue';
import {
  expectedAlternatives,
  expectedOutcome,
  expectedProbe,
  nextBackoff,
  parsePolicy,
  policyRestarts,
  summarize,
  type Subject,
} from './oracle';

type StreamState = 'none' | 'created' | 'up' | 'paused' | 'down' | 'removed';

/** What the checker remembers about one container (by ID, so it survives save → restore). */
interface Track {
  /** Lifecycle as read off the Docker event stream alone. */
  stream: StreamState;
  lastAction: string | null;
  /** Actions that must come next, in order (`network connect` → `start`, …). */
  expectNext: string[];
  /** Last `health_status` of the current health-monitor run (null: none yet). */
  lastHealth: string | null;
  /** §4 flags, tracked from the commands: set by stop/kill, cleared by a manual start. */
  cancelled: boolean;
  manuallyStopped: boolean;
  /** RestartCount, tracked: +1 per policy restart, 0 after a manual start/restart. */
  restartCount: number;
  /** Back-off of the last policy restart (0 after a manual start). */
  lastDelay: number;
  /** When the current back-off began, and how long it must last. */
  restartingSince: number | null;
  expectedDelay: number | null;
  /** The health monitor's next probe: armed at, after (null: not running, or unknown). */
  monitor: { armedAt: number; delay: number } | null;
}

export interface CheckerStats {
  /** Docker events emitted (seen by the inspector). */
  messages: number;
  /** Events delivered to container actors (commands, compose steps, timers). */
  delivered: number;
  commandsDelivered: number;
  policyStarts: number;
  probes: number;
  healthEvents: number;
  restarts: number;
  /** Times a known bug (see `KNOWN_BUGS`) showed up and its check was skipped, by bug. */
  knownBugHits: Record<string, number>;
  /** Delivered events of a type the oracle does not know (no §2.3 check made). */
  unmodelled: number;
}

const json = (v: unknown) => JSON.stringify(v);
const LIVE_OR_PAUSED: ReadonlySet<DockerStatus> = new Set(['running', 'paused']);
const MANUAL_STARTS: ReadonlySet<string> = new Set(['start', 'restart']);

export function subjectOf(snapshot: ContainerSnapshot): Subject {
  const c = snapshot.context;
  return { status: dockerStatus(snapshot), name: c.name, id: c.id, hasHealthcheck: c.healthcheck !== null, probePassing: c.probePassing };
}

function isContainerActor(ref: ActorRefLike): boolean {
  return (ref as unknown as { logic?: unknown }).logic === containerMachine;
}

/**
 * §5: the monitor waits `start-interval` while still `starting` inside the start period,
 * else `interval`, before each probe.
 */
function armMonitor(snapshot: ContainerSnapshot, now: number): { armedAt: number; delay: number } | null {
  const c = snapshot.context;
  const hc = c.healthcheck;
  if (!hc || !c.health) return null;
  const inStartPeriod = c.startedAt !== null && now - c.startedAt < hc.startPeriodMs;
  return { armedAt: now, delay: c.health.status === 'starting' && inStartPeriod ? hc.startIntervalMs : hc.intervalMs };
}

function describeEvent(event: { type: string }): string {
  return json(event);
}

export class LifecycleChecker {
  readonly violations: string[] = [];
  readonly stats: CheckerStats = { messages: 0, delivered: 0, commandsDelivered: 0, policyStarts: 0, probes: 0, healthEvents: 0, restarts: 0, knownBugHits: {}, unmodelled: 0 };
  private readonly tracks = new Map<string, Track>();
  private readonly previous = new WeakMap<ActorRefLike, ContainerSnapshot>();
  private readonly emitted = new WeakMap<ActorRefLike, DockerEventMessage[]>();

  constructor(private readonly now: () => number) {}

  /** The observer to pass to `actor.system.inspect(...)` or `createActor(..., { inspect })`. */
  readonly observe = (ev: InspectionEvent): void => {
    try {
      if (ev.type === '@xstate.action') {
        if (ev.action.type !== 'xstate.emit') return;
        const message = (ev.action.params as { event?: { message?: DockerEventMessage } } | undefined)?.event?.message;
        if (!message) return;
        this.stats.messages++;
        this.onMessage(message);
        if (isContainerActor(ev.actorRef)) {
          const list = this.emitted.get(ev.actorRef) ?? [];
          list.push(message);
          this.emitted.set(ev.actorRef, list);
        }
        return;
      }
      if (ev.type !== '@xstate.snapshot' || !isContainerActor(ev.actorRef)) return;
      const next = ev.snapshot as ContainerSnapshot;
      const prev = this.previous.get(ev.actorRef);
      const emitted = this.emitted.get(ev.actorRef) ?? [];
      this.emitted.delete(ev.actorRef);
      this.previous.set(ev.actorRef, next);
      if (prev === undefined) {
        this.checkSnapshot(next, `initial snapshot of ${next.context.name}`);
        if (emitted.length > 0) this.fail(`${next.context.name}: events emitted by the initial snapshot: ${emitted.map(summarize)}`);
        return;
      }
      this.checkTransition(prev, ev.event as ContainerEvent | { type: string }, next, emitted);
    } catch (error) {
      this.fail(`checker crashed: ${(error as Error).stack ?? String(error)}`);
    }
  };

  /** A known bug showed up: counted, not failed (its reproduction fails in knownBugs.test.ts). */
  knownBug(name: keyof typeof KNOWN_BUGS): void {
    this.stats.knownBugHits[name] = (this.stats.knownBugHits[name] ?? 0) + 1;
  }

  fail(message: string): void {
    if (this.violations.length < 50) this.violations.push(`[t=${this.now()}] ${message}`);
  }

  private track(id: string): Track {
    let t = this.tracks.get(id);
    if (!t) {
      t = {
        stream: 'none', lastAction: null, expectNext: [], lastHealth: null, cancelled: false, manuallyStopped: false,
        restartCount: 0, lastDelay: 0, restartingSince: null, expectedDelay: null, monitor: null,
      };
      this.tracks.set(id, t);
    }
    return t;
  }

  /** Starts watching an actor that was created before the inspector was attached. */
  adopt(actor: ActorRefLike, snapshot: ContainerSnapshot): void {
    if (this.previous.has(actor)) return;
    this.previous.set(actor, snapshot);
    // Adopted right after `docker compose up` or a restore: the health monitor was (re)armed just now.
    const t = this.track(snapshot.context.id);
    t.monitor = dockerStatus(snapshot) === 'running' ? armMonitor(snapshot, this.now()) : null;
  }

  /** Whether the stream has seen this container's `destroy`. */
  isDestroyed(id: string): boolean {
    return this.tracks.get(id)?.stream === 'removed';
  }

  /** The daemon re-armed a container's back-off (restore): it starts over now. */
  backoffRearmed(id: string): void {
    const t = this.track(id);
    if (t.restartingSince !== null) t.restartingSince = this.now();
  }

  // ───────────────────────── snapshot invariants (§1.4, §5) ─────────────────────────

  checkSnapshot(snapshot: ContainerSnapshot, where: string): void {
    const s = inspectState(snapshot);
    const c = snapshot.context;
    const bad = (rule: string) => this.fail(`${where}: ${rule}; inspect=${json({ ...s, Health: s.Health?.Status })}`);
    const live = LIVE_OR_PAUSED.has(s.Status);
    if (s.Paused && !s.Running) bad('Paused ⇒ Running (§1.4)');
    if (s.Restarting && !(s.Running && s.Pid === 0)) bad('Restarting ⇒ Running and Pid 0 (§1.4)');
    if ((s.Pid === 0) === live) bad('Pid === 0 exactly when Status is not running/paused (§1.4)');
    if (s.Running !== (live || s.Status === 'restarting')) bad('Running ⇔ running|paused|restarting (§1.2)');
    if (!Number.isInteger(s.ExitCode) || s.ExitCode < 0 || s.ExitCode > 255) bad('ExitCode in 0..255 (§2.2)');
    if (live && (s.ExitCode !== 0 || s.Error !== '' || s.OOMKilled)) bad('running/paused ⇒ ExitCode 0, Error "", OOMKilled false (setRunning, §1.4)');
    if (s.Dead) bad('Dead is never set (not modelled)');
    if (s.Status === 'created' && (s.StartedAt !== ZERO_TIME || s.FinishedAt !== ZERO_TIME)) bad('created ⇒ StartedAt/FinishedAt zero (§1.2)');
    if ((s.Status === 'exited' || s.Status === 'restarting') && (s.StartedAt === ZERO_TIME || s.FinishedAt === ZERO_TIME)) {
      bad('exited/restarting ⇒ StartedAt and FinishedAt set (§1.4)');
    }
    if (live && s.StartedAt === ZERO_TIME) bad('running/paused ⇒ StartedAt set');
    // §1.4 Health: absent without a health check, and before the first start.
    if (c.healthcheck === null && s.Health !== undefined) bad('no healthcheck ⇒ Health absent (§1.4)');
    if (s.StartedAt === ZERO_TIME && s.Health !== undefined) bad('never started ⇒ Health absent (§1.4)');
    if (c.healthcheck !== null && s.StartedAt !== ZERO_TIME && s.Status !== 'removed' && s.Health === undefined) {
      bad('healthcheck and started ⇒ Health present (§1.4)');
    }
    if (s.Health) {
      const h = s.Health;
      if (!['starting', 'healthy', 'unhealthy'].includes(h.Status)) bad('Health.Status is starting|healthy|unhealthy (§5)');
      if (h.Status === 'starting' && s.Status !== 'running') bad('Health starting only while running (§5)');
      if (['paused', 'exited', 'restarting'].includes(s.Status) && h.Status !== 'unhealthy') {
        bad('paused/exited/restarting ⇒ Health unhealthy (monitor closed, §5)');
      }
      if (!Number.isInteger(h.FailingStreak) || h.FailingStreak < 0) bad('FailingStreak ≥ 0');
      // (healthy with FailingStreak > 0 is fine: failures below `retries` keep the status, §5.)
      if (h.Log.length > 5) bad('Health.Log keeps at most 5 entries (§5)');
    }
    if (c.restartCount < 0) bad('RestartCount ≥ 0');
    // (RestartCount may exceed an on-failure:N limit set later by `docker update`; the limit
    // itself is checked where the policy decides, in `checkAccepted`.)
    if (s.Status === 'removed') this.checkRemoved(snapshot, where);
  }

  /** A removed container accepts nothing: `can` false for every event; an error for each but `rm -f` (304-like no-op). */
  checkRemoved(snapshot: ContainerSnapshot, where: string): void {
    for (const event of EVENT_CATALOGUE) {
      const forced = event.type === 'remove' && event.force === true;
      if (snapshot.can(event)) {
        if (event.type === 'probe' && KNOWN_BUGS.probeCanOnRemoved) this.knownBug('probeCanOnRemoved');
        else this.fail(`${where}: removed container: can(${describeEvent(event)}) is true`);
      }
      const error = commandError(snapshot, event);
      if (forced ? error !== null : error === null) {
        this.fail(`${where}: removed container: commandError(${describeEvent(event)}) = ${json(error)}`);
      }
    }
  }

  // ───────────────────────────── one delivered event ─────────────────────────────

  checkTransition(prev: ContainerSnapshot, event: ContainerEvent | { type: string }, next: ContainerSnapshot, emitted: DockerEventMessage[]): void {
    this.stats.delivered++;
    const now = this.now();
    const name = prev.context.name;
    const id = prev.context.id;
    const where = `${name} ${describeEvent(event)} (${dockerStatus(prev)} → ${dockerStatus(next)})`;
    const prevStatus = dockerStatus(prev);
    const nextStatus = dockerStatus(next);
    const t = this.track(id);
    const actions = emitted.map(summarize);
    this.checkSnapshot(next, where);
    if (next.context.id !== id || next.context.name !== name) this.fail(`${where}: ID or name changed`);
    for (const m of emitted) this.checkMessage(m, prev, now, where);

    const isCommand = COMMAND_TYPES.has(event.type);
    // Anything else the daemon does by itself on a timer: the restart back-off and the
    // health monitor's tick (`xstate.after.*` delays or a raised event such as `health.probe`).
    const isTimer = !isCommand && !/^xstate\.(init|stop|done|error)/.test(event.type);
    // Serialised once, and only where needed (this runs on every probe too).
    const nextValue = isTimer ? '' : json(next.value);
    const nextContext = isTimer ? '' : json(next.context);
    const changed = !isTimer && (emitted.length > 0 || nextValue !== json(prev.value) || nextContext !== json(prev.context));

    if (isCommand) {
      const command = event as ContainerEvent;
      this.stats.commandsDelivered++;
      const can = prev.can(command);
      const outcome = outcomeOf(prev, command);
      const error = commandError(prev, command);
      const expected = expectedOutcome(subjectOf(prev), command);
      if (!expected) this.stats.unmodelled++;
      else if (outcome.kind !== expected.kind) this.fail(`${where}: daemon answer ${outcome.kind}, §2.3 says ${expected.kind}`);
      else if (expected.message !== undefined && outcome.kind !== 'ok') {
        const ok = typeof expected.message === 'string' ? outcome.message === expected.message : expected.message.test(outcome.message);
        if (!ok) this.fail(`${where}: message ${json(outcome.message)}, §2.4 says ${String(expected.message)}`);
      }
      if (error !== (outcome.kind === 'error' ? outcome.message : null)) this.fail(`${where}: commandError ${json(error)} disagrees with outcome ${json(outcome)}`);
      if (can && error !== null) this.fail(`${where}: can() true but commandError ${json(error)}`);
      if (can !== (outcome.kind === 'ok')) this.fail(`${where}: can() ${can} but the daemon's answer is ${outcome.kind}`);
      // can ⇔ the command changed something (re-arming timers on `daemon.restore` is invisible in the snapshot).
      if (command.type !== 'daemon.restore' && can !== changed) {
        this.fail(`${where}: can() ${can} but send() ${changed ? 'changed the snapshot/emitted ' + json(actions) : 'changed nothing'}`);
      }
      // The pure API gives what the actor did.
      const pure = transitionContainer(prev, command, { now });
      if (json(pure.snapshot.value) !== nextValue) this.fail(`${where}: transitionContainer value ${json(pure.snapshot.value)} ≠ actor ${nextValue}`);
      if (json(pure.snapshot.context) !== nextContext) this.fail(`${where}: transitionContainer context ≠ actor context`);
      if (json(pure.events) !== json(emitted)) {
        this.fail(`${where}: transitionContainer events ${json(pure.events.map(summarize))} ≠ actor ${json(actions)}`);
      }
      if (can) this.checkAccepted(prev, command, next, emitted, t, where, now);
    } else if (isTimer) {
      this.checkTimer(prev, next, actions, t, where, now);
    } else if (changed) {
      this.fail(`${where}: an internal event changed the container`);
    }

    // RestartCount never decreases except on a manual start/restart (§4).
    if (next.context.restartCount < prev.context.restartCount && !MANUAL_STARTS.has(event.type)) {
      this.fail(`${where}: RestartCount decreased ${prev.context.restartCount} → ${next.context.restartCount}`);
    }
    if (next.context.restartCount !== t.restartCount) {
      this.fail(`${where}: RestartCount ${next.context.restartCount}, expected ${t.restartCount} (policy restarts since the last manual start, §4)`);
    }
    if (next.context.restartCancelled !== t.cancelled || next.context.manuallyStopped !== t.manuallyStopped) {
      this.fail(`${where}: restart manager cancelled/manually-stopped ${next.context.restartCancelled}/${next.context.manuallyStopped}, expected ${t.cancelled}/${t.manuallyStopped} (§4)`);
    }

    // The health monitor (§5) starts with the process (start), again on unpause (also the
    // resume after a signal to a paused container), after each probe, and when the daemon
    // restores its timers; a signal the process survives does not restart it.
    const isProbe = isTimer && prevStatus === 'running';
    const rearm = emitted.some((m) => m.Action === 'start' || m.Action === 'unpause') || isProbe || (event.type === 'daemon.restore' && prev.can(event as ContainerEvent));
    if (nextStatus !== 'running') t.monitor = null;
    else if (rearm) t.monitor = armMonitor(next, now);
  }

  /** An accepted command or process event: §2.3 events, status and exit code; §4 bookkeeping. */
  private checkAccepted(prev: ContainerSnapshot, event: ContainerEvent, next: ContainerSnapshot, emitted: DockerEventMessage[], t: Track, where: string, now: number): void {
    const prevStatus = dockerStatus(prev);
    const nextStatus = dockerStatus(next);
    const actions = emitted.map(summarize);
    const alternatives = expectedAlternatives(prevStatus, prev.context, event, (code) =>
      policyRestarts(prev.context.restartPolicy, { cancelled: t.cancelled, manuallyStopped: t.manuallyStopped, restartCount: t.restartCount }, code),
    );
    const inspect = inspectState(next);
    if (!alternatives) return;
    const match = alternatives.find(
      (a) => json(a.events) === json(actions) && a.status === nextStatus && (a.exitCode === undefined || nextStatus === 'removed' || a.exitCode === inspect.ExitCode),
    );
    if (!match) {
      this.fail(
        `${where}: got ${json(actions)} → ${nextStatus} (ExitCode ${inspect.ExitCode}); §2.3 expects one of ${json(alternatives)} ` +
          `[process ${json(prev.context.process)}, policy ${json(prev.context.restartPolicy)}]`,
      );
    }
    // §2.2 oom: 137 with OOMKilled true.
    if (event.type === 'oom' && !(inspect.OOMKilled && inspect.ExitCode === 137)) this.fail(`${where}: after oom, ExitCode 137 and OOMKilled true expected`);
    if (emitted.some((m) => m.Action === 'start')) {
      if (next.context.startedAt !== now) this.fail(`${where}: StartedAt is not the time of the start`);
      if (next.context.pid === prev.context.pid) this.fail(`${where}: a new process kept the old Pid`);
      this.checkHealthAtStart(prev, next, where);
    }
    if (emitted.some((m) => m.Action === 'die') && next.context.finishedAt !== now) this.fail(`${where}: FinishedAt is not the time of the exit`);

    if (event.type === 'update' && json(next.context.restartPolicy) !== json(parsePolicy(event.restartPolicy))) {
      this.fail(`${where}: docker update --restart ${event.restartPolicy} left the policy ${json(next.context.restartPolicy)}`);
    }

    // §4 bookkeeping, tracked from the commands.
    if (MANUAL_STARTS.has(event.type)) {
      t.cancelled = false;
      t.manuallyStopped = false;
      t.restartCount = 0;
      t.lastDelay = 0;
      t.restartingSince = null;
    } else if (event.type === 'stop' || event.type === 'kill') {
      t.cancelled = true;
      t.manuallyStopped = true;
      t.restartingSince = null;
    } else if (event.type === 'remove') {
      t.restartingSince = null;
    } else if (event.type === 'daemon.restore' && prevStatus === 'restarting') {
      t.restartingSince = now; // the back-off starts over (types.ts `daemon.restore`)
    }
    if ((event.type === 'exit' || event.type === 'oom') && nextStatus === 'restarting') {
      t.restartCount++;
      this.stats.restarts++;
      const ran = prev.context.startedAt === null ? 0 : now - prev.context.startedAt;
      t.expectedDelay = nextBackoff(t.lastDelay, ran);
      t.restartingSince = now;
    }
  }

  /** §5 `initHealthMonitor` at every start: `starting`, FailingStreak 0, the Log kept. */
  private checkHealthAtStart(prev: ContainerSnapshot, next: ContainerSnapshot, where: string): void {
    const health = next.context.health;
    if (next.context.healthcheck === null) return;
    if (!health || health.status !== 'starting' || health.failingStreak !== 0 || json(health.log) !== json(prev.context.health?.log ?? [])) {
      this.fail(`${where}: health after a start is ${json(health && { status: health.status, failingStreak: health.failingStreak, log: health.log.length })}, §5 says starting, 0, Log kept`);
    }
  }

  /** A timer fired: the restart back-off (policy start) or a health probe. */
  private checkTimer(prev: ContainerSnapshot, next: ContainerSnapshot, actions: string[], t: Track, where: string, now: number): void {
    const prevStatus = dockerStatus(prev);
    if (prevStatus === 'restarting') {
      this.stats.policyStarts++;
      // §2.3 "back-off timer fires": running, (net connect), start; no `restart` event; RestartCount kept.
      if (dockerStatus(next) !== 'running' || json(actions) !== json(['network connect', 'start'])) {
        this.fail(`${where}: back-off ended with ${json(actions)} → ${dockerStatus(next)}; expected network connect, start → running`);
      }
      if (t.restartingSince !== null && t.expectedDelay !== null && now - t.restartingSince !== t.expectedDelay) {
        this.fail(`${where}: policy start after ${now - t.restartingSince} ms of back-off, §4 says ${t.expectedDelay} ms (previous ${t.lastDelay})`);
      }
      if (t.expectedDelay !== null) t.lastDelay = t.expectedDelay;
      t.restartingSince = null;
      if (next.context.startedAt !== now) this.fail(`${where}: StartedAt is not the time of the policy start`);
      this.checkHealthAtStart(prev, next, where);
      return;
    }
    if (prevStatus === 'running') {
      this.stats.probes++;
      if (t.monitor && now !== t.monitor.armedAt + t.monitor.delay) {
        this.fail(`${where}: probe at +${now - t.monitor.armedAt} ms after the monitor (re)started, §5 says +${t.monitor.delay} ms`);
      }
      const expected = expectedProbe(prev.context, now);
      const health = next.context.health;
      if (!expected || !health) {
        this.fail(`${where}: a timer fired on a running container without a health monitor`);
        return;
      }
      const test = prev.context.healthcheck?.test ?? '';
      const events = [`exec_create: ${test}`, `exec_start: ${test}`, 'exec_die'];
      if (expected.status !== prev.context.health?.status) events.push(`health_status: ${expected.status}`);
      if (health.status !== expected.status || health.failingStreak !== expected.failingStreak) {
        this.fail(`${where}: probe gave ${health.status}/${health.failingStreak}, §5 says ${expected.status}/${expected.failingStreak}`);
      }
      if (json(actions) !== json(events)) this.fail(`${where}: probe events ${json(actions)}, §3.3 says ${json(events)}`);
      if (health.log[health.log.length - 1]?.exitCode !== expected.exitCode) this.fail(`${where}: the probe's Log entry has the wrong exit code`);
      if (dockerStatus(next) !== 'running') this.fail(`${where}: a probe changed the container's status`);
      return;
    }
    this.fail(`${where}: a timer fired in ${prevStatus}`);
  }

  /** Shape of one Docker event (§3.2): actor, attributes, time. */
  private checkMessage(m: DockerEventMessage, prev: ContainerSnapshot, now: number, where: string): void {
    const c = prev.context;
    if (m.time !== Math.floor(now / 1000) || m.timeNano !== now * 1_000_000) this.fail(`${where}: event ${m.Action} time ≠ now`);
    if (m.scope !== 'local') this.fail(`${where}: scope ${m.scope}`);
    if (m.Type === 'network') {
      if (m.Actor.Attributes.container !== c.id) this.fail(`${where}: network event for another container`);
      return;
    }
    const a = m.Actor.Attributes;
    if (m.Actor.ID !== c.id || a.name !== c.name || a.image !== c.image) this.fail(`${where}: event ${m.Action} has wrong ID/name/image`);
    for (const [k, v] of Object.entries(c.labels)) if (a[k] !== v) this.fail(`${where}: event ${m.Action} lacks label ${k}`);
    if (m.Action === 'kill' && !/^\d+$/.test(a.signal ?? '')) this.fail(`${where}: kill without a numeric signal`);
    if (m.Action === 'die') {
      const ran = c.startedAt === null ? 0 : now - c.startedAt;
      if (a.execDuration !== String(Math.floor(ran / 1000))) this.fail(`${where}: die execDuration ${a.execDuration}, ran ${ran} ms`);
    }
  }

  // ─────────────────────────── the Docker event stream ───────────────────────────

  /** Every Docker event, in emission order: the sequence must be one Docker produces (§3.3). */
  onMessage(m: DockerEventMessage): void {
    const id = m.Type === 'network' ? (m.Actor.Attributes.container ?? '?') : m.Actor.ID;
    const t = this.track(id);
    const action = m.Type === 'network' ? `network ${m.Action}` : m.Action;
    const who = m.Actor.Attributes.name ?? id.slice(0, 12);
    const bad = (rule: string) => this.fail(`event stream of ${m.Type === 'network' ? id.slice(0, 12) : who}: ${action} after ${t.lastAction} (${t.stream}): ${rule}`);
    if (t.stream === 'removed') bad('no event after destroy');
    const wanted = t.expectNext.shift();
    if (wanted !== undefined && wanted !== action) bad(`expected ${wanted}`);
    const prevAction = t.lastAction;
    t.lastAction = action;
    switch (action) {
      case 'create':
        if (t.stream !== 'none') bad('create comes first');
        t.stream = 'created';
        return;
      case 'network connect':
        if (t.stream !== 'created' && t.stream !== 'down') bad('connect only before a start');
        t.expectNext.push('start');
        return;
      case 'start':
        if (t.stream !== 'created' && t.stream !== 'down') bad('start never follows start without a die or stop between');
        if (prevAction !== 'network connect') bad('network connect comes right before start');
        t.stream = 'up';
        t.lastHealth = null;
        return;
      case 'kill':
        if (t.stream !== 'up' && t.stream !== 'paused') bad('kill needs a live process');
        return;
      case 'pause':
        if (t.stream !== 'up') bad('pause only of a running process');
        t.stream = 'paused';
        return;
      case 'unpause':
        if (t.stream !== 'paused') bad('unpause only after pause');
        t.stream = 'up';
        t.lastHealth = 'unhealthy'; // the monitor restarts with the status forced to unhealthy (§5)
        return;
      case 'oom':
        if (t.stream !== 'up') bad('oom of a running process');
        t.expectNext.push('network disconnect');
        return;
      case 'network disconnect':
        // From `paused` only by SIGKILL (kill, rm -f): runc thaws and the process dies with no `unpause`.
        if (t.stream !== 'up' && !(t.stream === 'paused' && prevAction === 'kill')) bad('disconnect only when the process dies');
        t.stream = 'up';
        t.expectNext.push('die');
        return;
      case 'die':
        if (t.stream !== 'up') bad('die of a running process');
        t.stream = 'down';
        return;
      case 'stop':
        if (t.stream !== 'down') bad('stop comes after the process died (or in restart back-off)');
        return;
      case 'restart':
        if (prevAction !== 'start') bad('restart comes right after start');
        return;
      case 'destroy':
        if (t.stream !== 'created' && t.stream !== 'down') bad('destroy needs a dead process');
        t.stream = 'removed';
        return;
      case 'update':
        if (t.stream === 'none' || t.stream === 'removed') bad('update of an existing container');
        return;
      case 'exec_die':
        if (t.stream !== 'up') bad('probes run only while running');
        return;
      default:
        if (action.startsWith('exec_create: ')) {
          if (t.stream !== 'up') bad('probes run only while running');
          t.expectNext.push(`exec_start: ${action.slice('exec_create: '.length)}`, 'exec_die');
          return;
        }
        if (action.startsWith('exec_start: ')) return; // order enforced by expectNext
        if (action.startsWith('health_status: ')) {
          this.stats.healthEvents++;
          const status = action.slice('health_status: '.length);
          if (t.stream !== 'up') bad('health_status only while running');
          if (prevAction !== 'exec_die') bad('health_status follows a probe');
          if (status === t.lastHealth) bad('health_status alternates (emitted only on a change)');
          if (status === 'starting') bad('no event for starting (§3.3)');
          t.lastHealth = status;
          return;
        }
        bad('unknown action');
    }
  }

  /** End of a step: no event sequence may be left half-done. */
  endStep(where: string): void {
    const now = this.now();
    for (const [id, t] of this.tracks) {
      // Timers due by now have fired (the clock is advanced timer by timer).
      if (t.monitor && t.monitor.armedAt + t.monitor.delay <= now) {
        this.fail(`${where}: ${id.slice(0, 12)}: the probe due at +${t.monitor.delay} ms after ${t.monitor.armedAt} did not run`);
        t.monitor = null;
      }
      if (t.restartingSince !== null && t.expectedDelay !== null && t.restartingSince + t.expectedDelay <= now) {
        this.fail(`${where}: ${id.slice(0, 12)}: the policy restart due ${t.expectedDelay} ms after ${t.restartingSince} did not happen`);
        t.restartingSince = null;
      }
      if (t.expectNext.length > 0) {
        this.fail(`${where}: event stream of ${id.slice(0, 12)} stopped after ${t.lastAction}, expected ${json(t.expectNext)}`);
        t.expectNext = [];
      }
    }
  }

  /** Throws with every violation so far (and clears them). */
  assertClean(where: string): void {
    if (this.violations.length === 0) return;
    const list = this.violations.splice(0);
    throw new Error(`${where}:\n  - ${list.join('\n  - ')}`);
  }
}
