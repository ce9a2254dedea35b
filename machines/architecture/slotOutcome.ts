/**
 * The daemon's and Compose's answers to the commands that fill a service slot, before
 * anything runs: `docker create`/`docker run` of a slot (moby `daemon/names.go`
 * `reserveName`: a name in use is a conflict) and `docker compose up --scale` (Compose
 * refuses to scale a service with `container_name`: docker/compose
 * `pkg/compose/convergence.go`; docs/docker-behaviour.md §6). The architecture machine
 * acts only on `ok`, and `Architecture` logs the same answer. Pure; never throws.
 */
import type { CommandOutcome } from '../container/commandOutcome';
import { containerName } from './naming';
import type { ArchitectureSpec } from './spec';

/** The most replicas `scale` accepts (a UI limit, not Docker's). */
const MAX_REPLICAS = 100;

/**
 * `docker create`/`run` for replica `replica` of `service`. `idInUse` is the ID of the
 * container that holds the slot's name and is not removed, if any.
 */
export function createOutcome(spec: ArchitectureSpec, service: string, replica: number, idInUse: string | undefined): CommandOutcome {
  const found = spec.services.find((s) => s.name === service);
  if (!found) return { kind: 'error', httpStatus: 404, message: `no such service: ${service}` };
  if (idInUse !== undefined) {
    const name = containerName(spec, found, replica);
    return {
      kind: 'error',
      httpStatus: 409,
      message: `Conflict. The container name "/${name}" is already in use by container "${idInUse}". You have to remove (or rename) that container to be able to reuse that name.`,
    };
  }
  return { kind: 'ok' };
}

/** `docker compose up -d --scale service=replicas`. */
export function scaleOutcome(spec: ArchitectureSpec, service: string, replicas: number): CommandOutcome {
  const found = spec.services.find((s) => s.name === service);
  if (!found) return { kind: 'error', httpStatus: 404, message: `no such service: ${service}` };
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > MAX_REPLICAS) {
    return { kind: 'error', httpStatus: 400, message: `invalid scale: ${replicas} (0 to ${MAX_REPLICAS})` };
  }
  if (found.containerName !== undefined && replicas !== 1) {
    return {
      kind: 'error',
      httpStatus: 400,
      message: `service "${service}" has a container_name and cannot be scaled (WARNING: The "${service}" service is using the custom container name "${found.containerName}". Docker requires each container to have a unique name.)`,
    };
  }
  return { kind: 'ok' };
}
