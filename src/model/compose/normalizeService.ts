/**
 * One validated compose service → a `ServiceSpec`, with Compose's defaults and
 * normalisations (compose-go `loader/normalize.go`):
 * - build-only services get the image name `<project>-<service>` (docker/compose
 *   `pkg/api` `GetImageNameOrDefault`);
 * - `links`, `volumes_from` and `network_mode: service:x` add `service_started`
 *   dependencies unless `depends_on` already names that service;
 * - a service without `networks` and without `network_mode` joins `default`.
 */
import type { PortSpec, ServiceSpec } from '../../../machines/architecture/spec';
import type { RestartPolicy } from '../../../machines/container/types';
import type { DocPath } from './composeError';
import { collectRefs, type DependencyRef } from './dependencies';
import { toHealthcheck } from './healthcheck';
import { parsePortLong, parsePortShort } from './ports';
import { parseRestart } from './restart';
import type { RawService } from './schema';
import { fromInterpolation, toCount, type Warn } from './values';

export interface NormalizedService {
  spec: ServiceSpec;
  /** Every dependency edge as written, including ones to undefined services. */
  refs: DependencyRef[];
}

function toRestart(raw: RawService['restart'], path: DocPath, warn: Warn): RestartPolicy {
  if (raw === null || raw === undefined) return 'no';
  const policy = parseRestart(raw);
  if (policy) return policy;
  if (typeof raw === 'string') return fromInterpolation(raw, path, parseRestart, warn, '"no"') ?? 'no';
  return 'no';
}

function toEnvironment(raw: RawService['environment']): Record<string, string | null> {
  const env: Record<string, string | null> = {};
  // defineProperty, so that even a variable called __proto__ is just a key.
  const set = (key: string, value: string | null) =>
    Object.defineProperty(env, key, { value, enumerable: true, writable: true, configurable: true });
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      const eq = entry.indexOf('=');
      if (eq === -1) set(entry, null);
      else set(entry.slice(0, eq), entry.slice(eq + 1));
    }
  } else if (raw) {
    for (const [key, value] of Object.entries(raw)) set(key, value === null ? null : String(value));
  }
  return env;
}

function toPorts(raw: RawService['ports']): PortSpec[] {
  const ports: PortSpec[] = [];
  for (const entry of raw ?? []) {
    const parsed = typeof entry === 'object' ? parsePortLong(entry) : parsePortShort(entry);
    if (!('error' in parsed)) ports.push(parsed);
  }
  return ports;
}

function toBuild(raw: RawService['build']): ServiceSpec['build'] {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') return { context: raw };
  const build: NonNullable<ServiceSpec['build']> = { context: raw.context ?? '.' };
  if (raw.dockerfile) build.dockerfile = raw.dockerfile;
  if (raw.target) build.target = raw.target;
  return build;
}

function toReplicas(raw: RawService, base: DocPath, warn: Warn): number {
  const replicas = raw.deploy?.replicas;
  if (replicas !== null && replicas !== undefined) return toCount(replicas, [...base, 'deploy', 'replicas'], 1, warn);
  if (raw.scale !== null && raw.scale !== undefined) return toCount(raw.scale, [...base, 'scale'], 1, warn);
  return 1;
}

function toNetworks(raw: RawService): string[] {
  const networks = raw.networks;
  const names = Array.isArray(networks) ? [...networks] : networks ? Object.keys(networks) : [];
  if (names.length === 0 && !raw.network_mode) return ['default'];
  return names;
}

/**
 * Builds the `ServiceSpec` of one validated service.
 *
 * @param name the service's key under `services`.
 * @param raw the service as `serviceSchema` let it through.
 * @param project the (normalised) project name, for build-only image names.
 * @param warn receives non-fatal notes (unresolved variables that needed a value).
 * @returns the spec, with `dependsOn` holding every edge as written, and `refs`, the
 *   same edges with their document paths. Undefined services are not checked here.
 */
export function normalizeService(name: string, raw: RawService, project: string, warn: Warn): NormalizedService {
  const base: DocPath = ['services', name];
  const refs = collectRefs(raw, base);
  const build = toBuild(raw.build);
  const spec: ServiceSpec = {
    name,
    image: raw.image || (build ? `${project}-${name}` : ''),
    replicas: toReplicas(raw, base, warn),
    restartPolicy: toRestart(raw.restart, [...base, 'restart'], warn),
    dependsOn: refs.map(({ path: _path, ...dependency }) => dependency),
    profiles: [...(raw.profiles ?? [])],
    ports: toPorts(raw.ports),
    expose: (raw.expose ?? []).map((port) => String(port)),
    networks: toNetworks(raw),
    environment: toEnvironment(raw.environment),
  };
  if (build) spec.build = build;
  if (raw.container_name) spec.containerName = raw.container_name;
  const healthcheck = toHealthcheck(raw.healthcheck, [...base, 'healthcheck'], warn);
  if (healthcheck) spec.healthcheck = healthcheck;
  const description = (raw as Record<string, unknown>)['x-description'];
  if (typeof description === 'string') spec.description = description;
  return { spec, refs };
}
