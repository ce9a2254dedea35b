/**
 * The dependency edges of one service, in compose-go's order (`loader/normalize.go`):
 * `depends_on` first, then `links` (restart: true), `network_mode: service:x`
 * (restart: true) and `volumes_from` (restart: false), each implicit edge
 * `service_started` and added only when the service is not already listed.
 * `volumes_from: container:x` names a container, not a service, and adds nothing.
 */
import type { DependencySpec } from '../../../machines/architecture/spec';
import type { DocPath } from './composeError';
import type { RawService } from './schema';
import { toBoolean } from './values';

/** A dependency edge and where it is written, for error positions. */
export interface DependencyRef extends DependencySpec {
  path: DocPath;
}

/**
 * Collects the edges of one service.
 *
 * @param base the service's path, `['services', name]`.
 * @returns each edge once, with the path where it is written; undefined services
 *   are kept (the checks report them).
 */
export function collectRefs(raw: RawService, base: DocPath): DependencyRef[] {
  const refs: DependencyRef[] = [];
  const listed = new Set<string>();
  const add = (ref: DependencyRef) => {
    if (listed.has(ref.service)) return;
    listed.add(ref.service);
    refs.push(ref);
  };
  const implicit = (service: string, via: DependencyRef['via'], restart: boolean, path: DocPath) =>
    add({ service, condition: 'service_started', required: true, restart, via, path });

  const dependsOn = raw.depends_on;
  if (Array.isArray(dependsOn)) {
    dependsOn.forEach((service, i) => implicit(service, 'depends_on', false, [...base, 'depends_on', i]));
  } else if (dependsOn) {
    for (const [service, dep] of Object.entries(dependsOn)) {
      add({
        service,
        condition: dep.condition,
        required: dep.required ?? true,
        restart: toBoolean(dep.restart, false),
        via: 'depends_on',
        path: [...base, 'depends_on', service],
      });
    }
  }
  (raw.links ?? []).forEach((link, i) => {
    implicit(link.split(':')[0] ?? link, 'links', true, [...base, 'links', i]);
  });
  const mode = raw.network_mode;
  if (mode?.startsWith('service:')) {
    implicit(mode.slice('service:'.length), 'network_mode', true, [...base, 'network_mode']);
  }
  (raw.volumes_from ?? []).forEach((from, i) => {
    if (from.startsWith('container:')) return;
    implicit(from.split(':')[0] ?? from, 'volumes_from', false, [...base, 'volumes_from', i]);
  });
  return refs;
}
