/**
 * What a replay or a live mirror takes from the record itself, never from the
 * simulation: the event as the log entry shows it, and the container's real ID, network
 * and labels for creating it. Pure.
 */
import type { DockerEventMessage as MachineEventMessage, RecordedContainer } from '../../../machines';
import { containerIdOf } from '../events/containerKey';
import type { DockerEventMessage, ParsedEvent } from '../events/types';

/**
 * The recorded event in the log entry's shape (`LogEntry.events`), IDs, names and
 * attributes as recorded; null for event types an entry does not show as an event
 * (image, volume, daemon, …: they concern no container).
 */
export function recordedMessage(message: DockerEventMessage): MachineEventMessage | null {
  if (message.Type !== 'container' && message.Type !== 'network') return null;
  return {
    Type: message.Type,
    Action: message.Action,
    Actor: { ID: message.Actor.ID, Attributes: { ...message.Actor.Attributes } },
    scope: 'local',
    time: message.time,
    timeNano: message.timeNano,
  };
}

/** Event attributes Docker adds beside the container's labels (moby `daemon/events.go` and callers). */
const NOT_LABELS = new Set(['name', 'image', 'exitCode', 'execDuration', 'signal', 'oldName', 'execID']);

/**
 * The container of `event` as it exists: its 64-hex ID (when the record has a full one),
 * its labels (the event's attributes, which are the labels plus Docker's own keys) and the
 * network it joins, when `networks` knows it.
 */
export function recordedContainer(event: ParsedEvent, networks: ReadonlyMap<string, string> = new Map()): RecordedContainer {
  const { ID, Attributes } = event.message.Actor;
  const labels = Object.fromEntries(Object.entries(Attributes).filter(([key]) => !NOT_LABELS.has(key)));
  const network = networks.get(ID);
  return {
    ...(/^[0-9a-f]{64}$/.test(ID) ? { id: ID } : {}),
    labels,
    ...(network !== undefined ? { network } : {}),
  };
}

/**
 * The network each container of a log joins, by container ID: the `name` of the first
 * `network connect` event that names it (`bridge`, `none`, `shop_default`).
 */
export function recordedNetworks(events: readonly ParsedEvent[]): Map<string, string> {
  const networks = new Map<string, string>();
  for (const { message } of events) {
    if (message.Type !== 'network' || message.Action !== 'connect') continue;
    const id = containerIdOf(message);
    const name = message.Actor.Attributes.name;
    if (id && name && !networks.has(id)) networks.set(id, name);
  }
  return networks;
}
