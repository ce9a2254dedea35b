/**
 * What a `docker compose` run (`composeRunMachine`) is given by the architecture: the
 * project as Compose reads it through the API (`ContainerList`, `ContainerInspect`) and
 * the one way to act on it (the architecture's entry point, so every step is a logged,
 * checked Docker command). No rule lives here: the run decides what to call and when.
 */
import type { ContainerSnapshot, InspectState } from '../container/inspectState';
import type { ContainerEvent } from '../container/types';
import type { ArchitectureSpec } from './spec';

/** `docker compose <action>`: the actions this project simulates. */
export type ComposeAction = 'up' | 'start' | 'stop' | 'down' | 'restart' | 'pause' | 'unpause' | 'kill';

/** Progress of a compose run, for the UI. A new object on every change. */
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

/** What a compose run reads and calls. */
export interface ComposeHost {
  readonly spec: ArchitectureSpec;
  /** Names of the service's current containers, in replica order. */
  containerNames(service: string): string[];
  /** `docker inspect`'s `.State` of container `name`; undefined when there is none. */
  inspect(name: string): InspectState | undefined;
  snapshot(name: string): ContainerSnapshot | undefined;
  /** Sends a command through the architecture's entry point (logged as a `compose` entry); `ok` false when Docker refused it. */
  exec(name: string, event: ContainerEvent): { ok: boolean; message?: string | undefined };
  /** The stop in its grace period for container `name` (a `restart` Compose sent), if any; Unix ms. */
  pending(name: string): { startedAt: number; endsAt: number } | undefined;
  /** `up`: creates the service's missing (removed) containers through the entry point. */
  ensureContainers(service: string): void;
}
