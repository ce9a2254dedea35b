/**
 * Consistency checks on a whole project, after each service is normalised, with
 * Compose's wording where Compose has one (compose-go `loader/validate.go`
 * `checkConsistency`, `graph/cycle.go`, `loader/normalize.go`).
 */
import type { DocPath } from './composeError';
import { findCycle } from './cycles';
import type { NormalizedService } from './normalizeService';
import { isServiceActive } from '../../../machines/architecture/profiles';
import type { RawService } from './schema';

/** A failed check: a message and where it is written. */
export interface Problem {
  message: string;
  path: DocPath;
  /** Point at the key (`web:`) rather than its value. */
  atKey?: boolean;
}

export interface CheckInput {
  services: ReadonlyArray<NormalizedService & { raw: RawService }>;
  /** Top-level `networks` keys. */
  networks: readonly string[];
  activeProfiles: readonly string[];
}

type Service = CheckInput['services'][number];
type Warn = (message: string) => void;

function checkImage({ spec, raw }: Service): Problem | undefined {
  if (raw.image || spec.build) return undefined;
  return {
    message: `service "${spec.name}" has neither an image nor a build context specified: invalid compose project`,
    path: ['services', spec.name],
    atKey: true,
  };
}

function checkNetworks({ spec, raw }: Service, declared: readonly string[]): Problem | undefined {
  const networks = raw.networks;
  const listed: Array<readonly [string, string | number]> = Array.isArray(networks)
    ? networks.map((name, i) => [name, i] as const)
    : Object.keys(networks ?? {}).map((name) => [name, name] as const);
  for (const [network, key] of listed) {
    if (network === 'default' || declared.includes(network)) continue;
    return {
      message: `service "${spec.name}" refers to undefined network "${network}": invalid compose project`,
      path: ['services', spec.name, 'networks', key],
      atKey: typeof key === 'string',
    };
  }
  return undefined;
}

function checkReferences({ spec, refs }: Service, defined: ReadonlySet<string>, warn: Warn): Problem | undefined {
  for (const ref of refs) {
    if (defined.has(ref.service)) continue;
    const message = `service "${spec.name}" depends on undefined service "${ref.service}"`;
    if (!ref.required) {
      warn(`${message} (required: false): the dependency is ignored`);
      continue;
    }
    // A long-syntax entry is a key (`db:`): point at it rather than at its body.
    const atKey = typeof ref.path[ref.path.length - 1] === 'string' && ref.via === 'depends_on';
    return { message: `${message}: invalid compose project`, path: ref.path, atKey };
  }
  return undefined;
}

/** Replicas one service may have here: each one is an actor and a node on screen. */
const MAX_REPLICAS = 100;

function checkReplicas({ spec, raw }: Service): Problem | undefined {
  const replicas = raw.deploy?.replicas ?? undefined;
  const scale = raw.scale ?? undefined;
  if (spec.replicas > MAX_REPLICAS) {
    return {
      message: `service "${spec.name}" asks for ${spec.replicas} replicas; this viewer shows at most ${MAX_REPLICAS} per service`,
      path: ['services', spec.name, ...(replicas !== undefined ? ['deploy', 'replicas'] : ['scale'])],
    };
  }
  if (scale !== undefined && replicas !== undefined && String(scale) !== String(replicas)) {
    return {
      message: `service "${spec.name}": can't use both 'scale' (deprecated) and 'deploy.replicas'`,
      path: ['services', spec.name, 'scale'],
    };
  }
  if (spec.containerName && spec.replicas > 1) {
    return {
      // compose-go's wording, odd as it is.
      message: `services.deploy.replicas: can't set container_name and ${spec.name} as container name must be unique: invalid compose project`,
      path: ['services', spec.name, 'container_name'],
    };
  }
  return undefined;
}

function checkContainerNames(input: CheckInput): Problem | undefined {
  const owners = new Map<string, string>();
  for (const { spec } of input.services) {
    if (!spec.containerName) continue;
    const owner = owners.get(spec.containerName);
    if (owner) {
      return {
        message: `services "${owner}" and "${spec.name}" both set container_name "${spec.containerName}": container names must be unique`,
        path: ['services', spec.name, 'container_name'],
      };
    }
    owners.set(spec.containerName, spec.name);
  }
  return undefined;
}

function checkCycles(input: CheckInput): Problem | undefined {
  const graph = new Map(input.services.map(({ spec }) => [spec.name, spec.dependsOn.map((d) => d.service)]));
  const cycle = findCycle(graph);
  if (!cycle) return undefined;
  const [from, to] = cycle;
  const ref = input.services.find((s) => s.spec.name === from)?.refs.find((r) => r.service === to);
  return {
    message: `dependency cycle detected: ${cycle.join(' -> ')}`,
    path: ref?.path ?? ['services', from ?? ''],
  };
}

function profileWarnings(input: CheckInput, warn: Warn): void {
  const byName = new Map(input.services.map(({ spec }) => [spec.name, spec]));
  for (const { spec } of input.services) {
    if (!isServiceActive(input, spec)) continue;
    for (const dependency of spec.dependsOn) {
      const target = byName.get(dependency.service);
      if (!target || isServiceActive(input, target)) continue;
      warn(
        `service "${spec.name}" depends on service "${target.name}", which is not in an active profile ` +
          `(profiles: ${target.profiles.join(', ')}): "${target.name}" will not be started, and docker compose ` +
          `would refuse the project (service "${spec.name}" depends on undefined service "${target.name}")`,
      );
    }
  }
}

/**
 * Runs every project-level check.
 *
 * @returns the first problem (an error), or `undefined`; non-fatal findings
 *   (optional dependencies on undefined services, dependencies on services outside
 *   the active profiles) go to `warn`.
 */
export function checkProject(input: CheckInput, warn: Warn): Problem | undefined {
  const defined = new Set(input.services.map(({ spec }) => spec.name));
  for (const service of input.services) {
    const problem =
      checkImage(service) ??
      checkNetworks(service, input.networks) ??
      checkReferences(service, defined, warn) ??
      checkReplicas(service);
    if (problem) return problem;
  }
  const problem = checkContainerNames(input) ?? checkCycles(input);
  if (problem) return problem;
  profileWarnings(input, warn);
  return undefined;
}
