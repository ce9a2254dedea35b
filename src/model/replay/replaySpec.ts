/**
 * The containers a `docker events` log talks about, as services of an architecture:
 * one service per container key (its name, or its short ID when the log has none),
 * image from the events' `image` attribute, Compose project/service from its labels.
 */
import type { ArchitectureSpec, ServiceSpec } from '../../../machines';
import { containerKey } from '../events/containerKey';
import type { ParsedEvent } from '../events/types';

/**
 * A service for one container whose every event is recorded (a `docker events` log, or a
 * live engine): restart policy `no`, since the recorded events decide every start and a
 * simulated policy would restart it on its own.
 */
export function recordedService(name: string, image: string): ServiceSpec {
  return {
    name,
    image,
    replicas: 1,
    restartPolicy: 'no',
    dependsOn: [],
    profiles: [],
    ports: [],
    expose: [],
    networks: ['default'],
    environment: {},
  };
}

/** A service standing for one container met in a log. */
export function replayService(event: ParsedEvent): ServiceSpec {
  const key = containerKey(event.message);
  const a = event.message.Actor.Attributes;
  const composeService = a['com.docker.compose.service'];
  return {
    ...recordedService(key, a.image ?? 'unknown'),
    containerName: key,
    ...(composeService ? { description: `Compose service ${composeService}` } : {}),
  };
}

/** An empty architecture named after the log's Compose project, if any. */
export function replaySpec(events: readonly ParsedEvent[]): ArchitectureSpec {
  const project = events.map((e) => e.message.Actor.Attributes['com.docker.compose.project']).find(Boolean) ?? 'replay';
  return { project, services: [], networks: ['default'], volumes: [], activeProfiles: [] };
}
