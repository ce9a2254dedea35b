/**
 * How Docker Compose names things (docker/compose `pkg/compose/convergence.go`
 * `getContainerName`, `pkg/api/labels.go`): `container_name` when set, else
 * `<project>-<service>-<n>`; networks `<project>_<network>`.
 */
import type { ArchitectureSpec, ServiceSpec } from './spec';

/** Name of replica `replica` (1-based) of `service`. */
export function containerName(spec: Pick<ArchitectureSpec, 'project'>, service: ServiceSpec, replica: number): string {
  return service.containerName ?? `${spec.project}-${service.name}-${replica}`;
}

/** Names of every replica of `service`, 1..replicas. */
export function containerNames(spec: Pick<ArchitectureSpec, 'project'>, service: ServiceSpec): string[] {
  const replicas = Number.isInteger(service.replicas) && service.replicas > 0 ? service.replicas : 0;
  if (replicas > 0 && service.containerName) return [service.containerName];
  return Array.from({ length: replicas }, (_, i) => containerName(spec, service, i + 1));
}

/** Compose's project network name, e.g. `shop_default`. */
export function networkName(project: string, network = 'default'): string {
  return `${project}_${network}`;
}

/** The labels Compose puts on each container (and Docker copies into every event). */
export function composeLabels(project: string, service: string, replica: number): Record<string, string> {
  return {
    'com.docker.compose.project': project,
    'com.docker.compose.service': service,
    'com.docker.compose.container-number': String(replica),
  };
}
