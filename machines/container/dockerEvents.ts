/**
 * Builders for `docker events` messages in `--format '{{json .}}'` shape.
 * Source: moby `api/types/events/events.go`, `daemon/events.go`
 * `LogContainerEventWithAttributes` (attributes = name, image, labels, plus per-action
 * keys), docs/docker-behaviour.md §3.2.
 */
import type { ContainerContext, DockerEventMessage } from './types';

/** Per-action attributes: `signal` for kill, `exitCode`/`execDuration` for die. */
export type EventAttributes = Record<string, string>;

/** A container event for `context` at Unix ms `timeMs`. */
export function containerEvent(
  context: Pick<ContainerContext, 'id' | 'name' | 'image' | 'labels'>,
  action: string,
  timeMs: number,
  extra: EventAttributes = {},
): DockerEventMessage {
  return {
    Type: 'container',
    Action: action,
    Actor: { ID: context.id, Attributes: { ...context.labels, ...extra, image: context.image, name: context.name } },
    scope: 'local',
    ...eventTime(timeMs),
  };
}

/**
 * A `network connect|disconnect` event (Type `network`). Actor.ID is the network's ID;
 * attributes name the container (its ID), the network and its driver.
 */
export function networkEvent(
  context: Pick<ContainerContext, 'id' | 'network'>,
  action: 'connect' | 'disconnect',
  timeMs: number,
): DockerEventMessage {
  return {
    Type: 'network',
    Action: action,
    Actor: {
      ID: networkId(context.network),
      Attributes: { container: context.id, name: context.network, type: 'bridge' },
    },
    scope: 'local',
    ...eventTime(timeMs),
  };
}

function eventTime(timeMs: number): { time: number; timeNano: number } {
  return { time: Math.floor(timeMs / 1000), timeNano: Math.round(timeMs) * 1_000_000 };
}

const networkIds = new Map<string, string>();

/** A stable 64-hex ID for a network name (simulated; Docker's are random). Cached: it is on every start and exit. */
export function networkId(name: string): string {
  const cached = networkIds.get(name);
  if (cached) return cached;
  let out = '';
  let h = 2166136261;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${name}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  const id = out.slice(0, 64);
  if (networkIds.size < 1000) networkIds.set(name, id);
  return id;
}

/** The one-line summary the event log shows, close to `docker events`' text format. */
export function formatEventShort(message: DockerEventMessage): string {
  const a = message.Actor.Attributes;
  if (message.Type === 'network') return `network ${message.Action} ${a.name ?? ''}`.trim();
  const detail: string[] = [];
  if (a.signal !== undefined) detail.push(`signal=${a.signal}`);
  if (a.exitCode !== undefined) detail.push(`exitCode=${a.exitCode}`);
  return [message.Action, ...detail].join(' ');
}
