/**
 * The containers a `docker events` log talks about, as services of an architecture:
 * one service per container key (its name, or its short ID when the log has none),
 * image from the events' `image` attribute, Compose project/service from its labels.
 */
import type { ArchitectureSpec, ServiceSpec } from '../../../machines';
import { containerKey } from '../events/containerKey';
import type { ParsedEvent } from '../events/types';

/** A service standing for one container met in a log. */
export function replayService(event: ParsedEvent): ServiceSpec {
  const key = containerKey(event.message);
  const a = event.message.Actor.Attributes;
  const composeService = a['com.docker.compose.service'];
  return {
    name: key,
    image: a.image ?? 'unknown',
    containerName: key,
    replicas: 1,
    // The log decides every start; a policy would restart on its own.
    restartPolicy: 'no',
    dependsOn: [],
    profiles: [],
    ports: [],
    expose: [],
    networks: ['default'],
    environment: {},
    ...(composeService ? { description: `Compose service ${composeService}` } : {}),
  };
}

/** An empty architecture named after the log's Compose project, if any. */
export function replaySpec(events: readonly ParsedEvent[]): ArchitectureSpec {
  const project = events.map((e) => e.message.Actor.Attributes['com.docker.compose.project']).find(Boolean) ?? 'replay';
  return { project, services: [], networks: ['default'], volumes: [], activeProfiles: [] };
}
