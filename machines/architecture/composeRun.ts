/**
 * One `docker compose <action>` over time: which services it acts on, in which order,
 * and when it waits. Source: docker/compose `pkg/compose/{up,start,stop,down,restart,
 * pause,kill}.go` and `dependencies.go` (docs/docker-behaviour.md §6):
 * - up/start/restart: dependency order, each service after its dependencies and their
 *   conditions (polled every 500 ms); the first failure ends the run (errgroup cancel);
 * - stop/down: reverse dependency order, the containers of a level in parallel;
 * - pause/unpause/kill: every container at once, no order.
 * Each step takes a visible moment of simulated time so the order shows on screen:
 * a start takes `COMPOSE_STEP_MS`; a stop level takes as long as its slowest stop.
 */
import type { ContainerSnapshot, InspectState } from '../container/inspectState';
import { stopOutcome } from '../container/processModel';
import type { ContainerEvent } from '../container/types';
import { COMPOSE_POLL_MS, checkCondition } from './composeConditions';
import { reverseDependencyOrder } from './dependencyOrder';
import { isServiceActive } from './profiles';
import type { ArchitectureSpec, ServiceSpec } from './spec';

export type ComposeAction = 'up' | 'start' | 'stop' | 'down' | 'restart' | 'pause' | 'unpause' | 'kill';

/** Simulated time one service's start takes on screen, ms. */
export const COMPOSE_STEP_MS = 400;

/** Progress of a compose run, for the UI. */
export interface ComposeProgress {
  action: ComposeAction;
  status: 'running' | 'done' | 'failed';
  /** Services being acted on or waited for now, with what they wait for. */
  active: Array<{ service: string; waitingFor?: string }>;
  /** Services finished, in the order they finished. */
  finished: string[];
  /** Compose's error when `failed`. */
  error?: string;
  /** Compose's warnings (an optional dependency that failed). */
  warnings: string[];
}

/** What a compose run needs from the architecture. */
export interface ComposeHost {
  readonly spec: ArchitectureSpec;
  /** Names of the service's current containers. */
  containerNames(service: string): string[];
  inspect(name: string): InspectState | undefined;
  snapshot(name: string): ContainerSnapshot | undefined;
  /** Sends a command as part of the run; returns false when Docker refused it. */
  exec(name: string, event: ContainerEvent): { ok: boolean; message?: string };
  /** The stop in its grace period for container `name` (a `restart` Compose sent), if any. */
  pending(name: string): { startedAt: number; endsAt: number } | undefined;
  /** `up`: create the service's missing containers (removed or never created). */
  ensureContainers(service: string): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Starts a compose run; `onProgress` is called on every change, last with done/failed. */
export class ComposeRun {
  readonly progress: ComposeProgress;
  private timers = new Set<unknown>();
  private cancelled = false;

  constructor(
    private readonly host: ComposeHost,
    readonly action: ComposeAction,
    private readonly onProgress: (progress: ComposeProgress) => void,
  ) {
    this.progress = { action, status: 'running', active: [], finished: [], warnings: [] };
  }

  /** Begins the run (separate from the constructor so callers can keep a handle first). */
  begin(): void {
    const services = this.host.spec.services.filter((s) => isServiceActive(this.host.spec, s));
    switch (this.action) {
      case 'up':
      case 'start':
      case 'restart':
        this.forward(services);
        break;
      case 'stop':
      case 'down':
        this.backward(services);
        break;
      default:
        this.allAtOnce(services);
    }
  }

  /** Stops waiting; nothing more is started or stopped. */
  cancel(): void {
    this.cancelled = true;
    for (const t of this.timers) this.host.clearTimeout(t);
    this.timers.clear();
  }

  private later(fn: () => void, ms: number): void {
    const handle = this.host.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.cancelled) fn();
    }, ms);
    this.timers.add(handle);
  }

  private emit(): void {
    if (this.progress.status !== 'running') return; // after `end()`, listeners have had the last word
    this.onProgress({ ...this.progress, active: [...this.progress.active], finished: [...this.progress.finished], warnings: [...this.progress.warnings] });
  }

  private end(error?: string): void {
    if (this.progress.status !== 'running') return;
    this.progress.status = error ? 'failed' : 'done';
    if (error) this.progress.error = error;
    this.progress.active = [];
    this.cancel();
    this.onProgress({ ...this.progress, active: [], finished: [...this.progress.finished], warnings: [...this.progress.warnings] });
  }

  /**
   * The dependencies that order this run: all of them, except for `restart`, which keeps
   * only `depends_on` entries with `restart: true` (compose `restart.go` prepareRestartProject).
   */
  private dependenciesOf(service: ServiceSpec) {
    return this.action === 'restart' ? service.dependsOn.filter((d) => d.restart) : service.dependsOn;
  }

  /** up/start/restart: each service once its dependencies are done and their conditions hold. */
  private forward(services: ServiceSpec[]): void {
    const names = new Set(services.map((s) => s.name));
    const done = new Set<string>();
    const begun = new Set<string>();
    const visit = () => {
      if (this.progress.status !== 'running') return;
      if (done.size === services.length) return this.end();
      for (const service of services) {
        if (begun.has(service.name)) continue;
        const deps = this.dependenciesOf(service).filter((d) => names.has(d.service));
        if (!deps.every((d) => done.has(d.service))) continue;
        begun.add(service.name);
        this.progress.active.push({ service: service.name });
        this.waitThenAct(service, () => {
          done.add(service.name);
          this.progress.active = this.progress.active.filter((a) => a.service !== service.name);
          this.progress.finished.push(service.name);
          this.emit();
          visit();
        });
      }
      this.emit();
    };
    visit();
  }

  private waitThenAct(service: ServiceSpec, onDone: () => void): void {
    const check = () => {
      if (this.progress.status !== 'running') return;
      for (const dependency of this.dependenciesOf(service)) {
        const dep = this.host.spec.services.find((s) => s.name === dependency.service);
        if (!dep || !isServiceActive(this.host.spec, dep)) continue; // required:false or inactive: the parser warned
        const containers = this.host.containerNames(dep.name).map((name) => ({ name, state: this.host.inspect(name) }));
        const verdict = checkCondition(dependency, containers);
        if (verdict.verdict === 'fail') {
          if (dependency.required) return this.end(verdict.message);
          // `required: false`: Compose warns and goes on (convergence.go waitDependencies).
          this.progress.warnings.push(`optional dependency "${dependency.service}" is not running or is unhealthy`);
          continue;
        }
        if (verdict.verdict === 'wait') {
          const slot = this.progress.active.find((a) => a.service === service.name);
          if (slot && slot.waitingFor !== verdict.reason) {
            slot.waitingFor = verdict.reason;
            this.emit();
          }
          return this.later(check, COMPOSE_POLL_MS);
        }
      }
      const failure = this.act(service);
      if (failure) return this.end(failure);
      // Compose's API call returns when the daemon is done: a restart after its stop's grace period.
      const slowest = Math.max(
        COMPOSE_STEP_MS,
        ...this.host.containerNames(service.name).map((name) => {
          const p = this.host.pending(name);
          return p ? p.endsAt - p.startedAt : 0;
        }),
      );
      this.later(onDone, slowest);
    };
    check();
  }

  /** The per-container commands of a forward step; returns Compose's error, if any. */
  private act(service: ServiceSpec): string | undefined {
    if (this.action === 'up') this.host.ensureContainers(service.name);
    for (const name of this.host.containerNames(service.name)) {
      const status = this.host.inspect(name)?.Status;
      // Compose lists the project's existing containers: a removed one is not there to act on.
      if (status === undefined || status === 'removed') continue;
      if (this.action === 'restart') {
        const r = this.host.exec(name, { type: 'restart' });
        if (!r.ok) return r.message;
        continue;
      }
      // Compose starts every container whose State != "running" (containers.go isNotRunning).
      if (status === 'running' || status === 'restarting') continue;
      const r = this.host.exec(name, { type: 'start' });
      if (!r.ok) return `Error response from daemon: ${r.message}`;
    }
    return undefined;
  }

  /** stop/down: dependents first; a level lasts as long as its slowest stop. */
  private backward(services: ServiceSpec[]): void {
    const levels = reverseDependencyOrder({ ...this.host.spec, services });
    const next = (i: number) => {
      if (this.progress.status !== 'running') return;
      if (i >= levels.length) return this.end();
      const level = levels[i] ?? [];
      this.progress.active = level.map((service) => ({ service }));
      this.emit();
      let slowest = 100;
      for (const service of level) {
        for (const name of this.host.containerNames(service)) {
          const snapshot = this.host.snapshot(name);
          const status = this.host.inspect(name)?.Status;
          if (!snapshot || status === 'removed') continue;
          const live = status === 'running' || status === 'paused' || status === 'restarting';
          if (live) {
            slowest = Math.max(slowest, stopDurationMs(snapshot));
            this.host.exec(name, { type: 'stop' });
          }
          if (this.action === 'down') this.host.exec(name, { type: 'remove', force: true });
        }
      }
      this.later(() => {
        this.progress.finished.push(...level);
        next(i + 1);
      }, slowest);
    };
    next(0);
  }

  /** pause/unpause/kill: every container with Running == true (running, paused, restarting), at once. */
  private allAtOnce(services: ServiceSpec[]): void {
    const event: ContainerEvent = { type: this.action as 'pause' | 'unpause' | 'kill' };
    const errors: string[] = [];
    for (const service of services) {
      for (const name of this.host.containerNames(service.name)) {
        const state = this.host.inspect(name);
        if (!state?.Running) continue;
        const r = this.host.exec(name, event);
        if (!r.ok && r.message) errors.push(`Error response from daemon: ${r.message}`);
      }
      this.progress.finished.push(service.name);
    }
    this.end(errors.length ? errors.join('\n') : undefined);
  }
}

/** How long `docker stop` blocks for this container, ms (see `stopOutcome`). */
function stopDurationMs(snapshot: ContainerSnapshot): number {
  return stopOutcome(snapshot.context.process).durationMs;
}
