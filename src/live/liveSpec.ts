/**
 * Where each real container goes on the architecture view. Pure.
 *
 * The view's project is the `--compose` file's, else the Compose project with the most
 * containers. A container of that project whose name is what Compose would name replica
 * N of its service (`<project>-<service>-<N>`, or the service's `container_name`) takes
 * that slot, so replicas group under their service and `depends_on` draws edges (from the
 * file, else from the `com.docker.compose.depends_on` label). Any other container (no
 * labels, another project, a renamed one) is a service of its own, named after it.
 */
import { containerName, type ArchitectureSpec, type DependencySpec, type ServiceSpec } from '../../machines';
import { parseCompose } from '../model/compose/parseCompose';
import { recordedService } from '../model/replay/replaySpec';
import type { LiveContainer, LiveSettings } from './protocol';

const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';
const NUMBER_LABEL = 'com.docker.compose.container-number';
const DEPENDS_ON_LABEL = 'com.docker.compose.depends_on';

/** What the view needs of a container to place it. */
export type Placeable = Pick<LiveContainer, 'name' | 'image' | 'labels'>;

/** A slot of the architecture: replica `replica` of service `service`. */
export interface LiveSlot {
  service: string;
  replica: number;
}

/**
 * `com.docker.compose.depends_on`: `db:service_healthy:false,cache:service_started:true`
 * (docker/compose `pkg/compose/create.go`: service, condition, restart). Unknown parts are
 * read as Compose's defaults.
 */
export function parseDependsOnLabel(value: string | undefined): DependencySpec[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim().split(':'))
    .filter(([service]) => service !== undefined && service !== '')
    .map(([service, condition, restart]) => ({
      service: service!,
      condition:
        condition === 'service_healthy' || condition === 'service_completed_successfully' ? condition : 'service_started',
      required: true,
      restart: restart === 'true',
      via: 'depends_on' as const,
    }));
}

/**
 * The Compose project drawn as services (one per view): the `--compose` file's, else the
 * one a `--filter label=com.docker.compose.project=…` names, else the one with the most
 * containers. Containers of other projects are drawn on their own.
 */
function liveProject(settings: Pick<LiveSettings, 'compose' | 'filter'>, containers: readonly Placeable[]): string {
  if (settings.compose) return settings.compose.project;
  if (settings.filter?.key === PROJECT_LABEL) return settings.filter.value;
  const counts = new Map<string, number>();
  for (const c of containers) {
    const project = c.labels[PROJECT_LABEL];
    if (project) counts.set(project, (counts.get(project) ?? 0) + 1);
  }
  let best = 'live';
  let most = 0;
  for (const [project, count] of counts) {
    if (count > most) [best, most] = [project, count];
  }
  return best;
}

/** A service standing for one container that is not a slot of a Compose service. */
function soloService(c: Placeable): ServiceSpec {
  const project = c.labels[PROJECT_LABEL];
  const service = c.labels[SERVICE_LABEL];
  return {
    ...recordedService(c.name, c.image),
    containerName: c.name,
    ...(project && service ? { description: `Compose service ${service} of project ${project}` } : {}),
  };
}

/** The replica number Compose gave `c` when it is a slot of `spec`'s service, else null. */
function composeSlot(spec: ArchitectureSpec, c: Placeable): LiveSlot | null {
  if (c.labels[PROJECT_LABEL] !== spec.project) return null;
  const serviceName = c.labels[SERVICE_LABEL];
  const replica = Number(c.labels[NUMBER_LABEL] ?? '1');
  if (!serviceName || !Number.isInteger(replica) || replica < 1) return null;
  const service = spec.services.find((s) => s.name === serviceName) ?? recordedService(serviceName, c.image);
  return containerName(spec, service, replica) === c.name ? { service: serviceName, replica } : null;
}

/**
 * A service as the mirror runs it: the engine decides restarts and runs health checks and
 * one-shot processes; its events say what happened. A simulated policy, probe or
 * completion timer would move the node on its own.
 */
function mirrorOnly(service: ServiceSpec): ServiceSpec {
  const { healthcheck: _healthcheck, process: _process, ...rest } = service;
  return { ...rest, restartPolicy: 'no' };
}

/** The compose file's spec (no containers yet; replicas as the engine has them), or null. */
function composeSpec(settings: Pick<LiveSettings, 'compose'>): ArchitectureSpec | null {
  if (!settings.compose) return null;
  const parsed = parseCompose(settings.compose.text, { fileName: settings.compose.fileName });
  if (!parsed.ok) return null;
  return { ...parsed.spec, project: settings.compose.project };
}

/**
 * The spec for the engine's containers: the compose file's services (with edges), plus a
 * service per Compose service met in the labels, plus one per other container. Service
 * replica counts cover the highest replica number found.
 */
export function liveSpec(settings: Pick<LiveSettings, 'compose' | 'filter'>, containers: readonly Placeable[]): ArchitectureSpec {
  const spec: ArchitectureSpec = composeSpec(settings) ?? {
    project: liveProject(settings, containers),
    services: [],
    networks: ['default'],
    volumes: [],
    activeProfiles: [],
  };
  const services = new Map(spec.services.map((s) => [s.name, { ...s, replicas: 0 }]));
  const solos: ServiceSpec[] = [];
  for (const c of containers) {
    const slot = composeSlot(spec, c);
    if (!slot) {
      solos.push(soloService(c));
      continue;
    }
    const known = services.get(slot.service);
    const dependsOn = known?.dependsOn.length ? known.dependsOn : parseDependsOnLabel(c.labels[DEPENDS_ON_LABEL]);
    services.set(slot.service, {
      ...(known ?? recordedService(slot.service, c.image)),
      dependsOn,
      replicas: Math.max(known?.replicas ?? 0, slot.replica),
    });
  }
  // The view draws what exists: a service of the file with no container is a placeholder.
  return { ...spec, services: [...services.values(), ...solos].map(mirrorOnly) };
}

/** The service to add for a container whose slot's service `spec` does not have yet. */
export function newService(slot: LiveSlot, c: Placeable): ServiceSpec {
  if (slot.service === c.name) return mirrorOnly(soloService(c));
  return mirrorOnly({ ...recordedService(slot.service, c.image), replicas: slot.replica, dependsOn: parseDependsOnLabel(c.labels[DEPENDS_ON_LABEL]) });
}

/** Where `c` goes in `spec`: its Compose slot, or its own service (which `liveSpec` added). */
export function slotOf(spec: ArchitectureSpec, c: Placeable): LiveSlot {
  return composeSlot(spec, c) ?? { service: c.name, replica: 1 };
}
