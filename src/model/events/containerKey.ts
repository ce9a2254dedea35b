/**
 * How a container met in a `docker events` log is identified on the page
 * (docs/contracts.md §2: "the container's name, or its 12-character short ID when the log has no name").
 */
import type { DockerEventMessage } from './types';

const SHORT_LEN = 12;

/**
 * Docker's short ID: drops everything up to the first `:` (an algorithm prefix such as
 * `sha256:`), then keeps the first 12 characters.
 *
 * Docker source: `moby:pkg/stringid/stringid.go` `TruncateID`.
 * @example shortId('0fdb48addc82871eb34eb23a847cfd033dedd1a0a37bef2e6d9eb3870fc7ff37') // '0fdb48addc82'
 * @example shortId('sha256:4ac3bba8abd6…') // '4ac3bba8abd6'
 * @returns shorter ids unchanged; `''` for `''`.
 */
export function shortId(id: string): string {
  const colon = id.indexOf(':');
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.length > SHORT_LEN ? bare.slice(0, SHORT_LEN) : bare;
}

/**
 * The key of the actor of `message`: its `name` attribute when present and non-empty
 * (Docker puts the container name, without the leading `/`, in every container event:
 * `moby:daemon/events.go` `LogContainerEventWithAttributes`), else `shortId(Actor.ID)`.
 *
 * Meant for container events. For a network event the same rule gives the network's name;
 * use `containerIdOf` to find the container it concerns.
 */
export function containerKey(message: DockerEventMessage): string {
  const name = message.Actor.Attributes.name;
  return name ? name : shortId(message.Actor.ID);
}

/**
 * The full container ID an event concerns: `Actor.ID` for `container` events, the
 * `container` attribute of `network` connect/disconnect events (docs/docker-behaviour.md §3.2),
 * `undefined` otherwise.
 */
export function containerIdOf(message: DockerEventMessage): string | undefined {
  if (message.Type === 'container') return message.Actor.ID;
  return message.Actor.Attributes.container || undefined;
}
