/**
 * Placeholders for what a project refers to in files that were not given, so nothing is
 * dropped silently: a service that `extends:` a service of a missing file, and the
 * services other services depend on that a missing `include:` would have defined. Each
 * placeholder is a service with no container (`deploy.replicas: 0`, drawn as an empty
 * box), image `(unresolved)`, and an `x-description` that says which file to add.
 */
import type { UnresolvedReference } from './loadModel';

/** The key `loadModel` leaves on a service whose `extends: file:` was not given. */
const UNRESOLVED_KEY = 'x-unresolved-extends';

/** Image of a placeholder service. */
const UNRESOLVED_IMAGE = '(unresolved)';

type Tree = Record<string, unknown>;

const isMapping = (value: unknown): value is Tree => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The services a service names in `depends_on`, `links`, `volumes_from`, `network_mode`. */
function referencedServices(service: Tree): string[] {
  const names: string[] = [];
  const dependsOn = service.depends_on;
  if (Array.isArray(dependsOn)) names.push(...dependsOn.filter((d): d is string => typeof d === 'string'));
  else if (isMapping(dependsOn)) names.push(...Object.keys(dependsOn));
  if (Array.isArray(service.links)) for (const link of service.links) if (typeof link === 'string') names.push(link.split(':')[0]!);
  if (Array.isArray(service.volumes_from)) {
    for (const from of service.volumes_from) if (typeof from === 'string' && !from.startsWith('container:')) names.push(from.split(':')[0]!);
  }
  if (typeof service.network_mode === 'string' && service.network_mode.startsWith('service:')) names.push(service.network_mode.slice(8));
  return names;
}

function placeholder(description: string, base: Tree = {}): Tree {
  const deploy = isMapping(base.deploy) ? { ...base.deploy, replicas: 0 } : { replicas: 0 };
  return { ...base, image: UNRESOLVED_IMAGE, deploy, 'x-description': description };
}

/**
 * Adds placeholders to `model.services` (in place: `model` is the loader's own merged
 * tree) for `unresolved` references.
 *
 * @param warn receives one note per placeholder.
 */
export function placeholderServices(model: Tree, unresolved: readonly UnresolvedReference[], warn: (message: string) => void): void {
  if (unresolved.length === 0 || !isMapping(model.services)) return;
  const services = { ...model.services };
  for (const [name, service] of Object.entries(services)) {
    if (!isMapping(service) || !(UNRESOLVED_KEY in service)) continue;
    if (service.image || service.build) continue;
    const from = String(service[UNRESOLVED_KEY]);
    services[name] = placeholder(`unresolved: extends ${from}, which was not given`, service);
    warn(`services.${name}: drawn as a placeholder: it extends ${from}, which was not given`);
  }
  const includes = unresolved.filter((ref) => ref.kind === 'include').map((ref) => ref.path);
  if (includes.length > 0) {
    for (const service of Object.values(model.services)) {
      if (!isMapping(service)) continue;
      for (const name of referencedServices(service)) {
        if (name in services) continue;
        const where = includes.join(', ');
        services[name] = placeholder(`unresolved: not defined in the files given; probably in ${where} (included, not given)`);
        warn(`services.${name}: drawn as a placeholder: it is not defined in the files given, and ${where} (included) was not given`);
      }
    }
  }
  model.services = services;
}
