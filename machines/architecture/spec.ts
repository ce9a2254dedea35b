/**
 * The architecture spec: what a scenario or a compose file describes, before any
 * container exists. Plain data (JSON-serialisable), so it can be validated, saved
 * and compared. The architecture actor turns it into one container actor per replica.
 */
import type { HealthcheckSpec, ProcessSpec, RestartPolicy } from '../container/types';

/** Compose `depends_on` conditions (compose-spec `05-services.md`, long syntax). */
export type DependencyCondition =
  | 'service_started'
  | 'service_healthy'
  | 'service_completed_successfully';

/** One edge of Compose's dependency graph: `service` must come up before the dependent. */
export interface DependencySpec {
  /** The service depended on. */
  service: string;
  /** Default `service_started` (the short syntax). */
  condition: DependencyCondition;
  /** Compose `required` (default true): false means a missing dependency is only a warning. */
  required: boolean;
  /** Compose `restart: true`: restart the dependent when this dependency restarts. */
  restart: boolean;
  /**
   * Where the edge came from: `depends_on`, `links`, `volumes_from` or
   * `network_mode: service:x` all order startup (docker/docs compose startup-order).
   */
  via: 'depends_on' | 'links' | 'volumes_from' | 'network_mode';
}

/** A published or exposed port, kept as written for display. */
export interface PortSpec {
  /** Container port, e.g. `80` or `"${AD_PORT}"` when interpolated. */
  target: string;
  /** Host port or range, when published. */
  published?: string;
  /** Host IP, e.g. `127.0.0.1`. */
  hostIp?: string;
  /** `tcp` (default) or `udp`. */
  protocol?: string;
}

/** One Compose service: an image and the containers (replicas) made from it. */
export interface ServiceSpec {
  /** Compose service name (any of `[a-zA-Z0-9._-]`, may start with a digit). */
  name: string;
  /** Image reference as written (`nginx:alpine`); for build-only services, `<project>-<service>` as Compose names the built image. */
  image: string;
  /** Build context when the service has `build:` (short or long form). */
  build?: { context: string; dockerfile?: string; target?: string };
  /** Compose `container_name`: fixes the single container's name (then replicas must be 1). */
  containerName?: string;
  /** Number of containers: `deploy.replicas`, else `scale`, else 1. */
  replicas: number;
  restartPolicy: RestartPolicy;
  healthcheck?: HealthcheckSpec;
  /** How the main process reacts to the stop signal (a teaching default when omitted). */
  process?: ProcessSpec;
  dependsOn: DependencySpec[];
  /** Compose `profiles`; an empty list means always active. */
  profiles: string[];
  ports: PortSpec[];
  /** Compose `expose` (container ports only). */
  expose: string[];
  /** Networks the service is attached to (`default` when none are listed). */
  networks: string[];
  /** `environment`, list or map, normalised to a map; bare `KEY` entries map to `null` (inherited). */
  environment: Record<string, string | null>;
  /** Free-form description shown in the UI (e.g. "React", "Node.js + Express"). */
  description?: string;
}

/** A whole architecture: a Compose project or a built-in scenario. */
export interface ArchitectureSpec {
  /** Compose project name (top-level `name:` or derived from the file name). */
  project: string;
  services: ServiceSpec[];
  /** Top-level `networks` keys (plus `default`). */
  networks: string[];
  /** Top-level `volumes` keys. */
  volumes: string[];
  /** Profiles enabled for this run (Compose `--profile`). */
  activeProfiles: string[];
  /**
   * Extra drawn edges "who calls whom" (dependent → dependency), for scenarios whose
   * call graph is richer than `depends_on`. Compose files draw `dependsOn` instead.
   */
  calls?: Array<{ from: string; to: string }>;
}
