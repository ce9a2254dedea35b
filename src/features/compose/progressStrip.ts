/**
 * The progress strip of a `docker compose <action>` run, pure: every service the run
 * acts on, in the order it acts (finished ones first, in the order they finished, then
 * the active ones, then the rest in Compose's planned order), each with its state.
 */
import {
  dependencyOrder,
  isServiceActive,
  reverseDependencyOrder,
  type ArchitectureSpec,
  type ComposeAction,
  type ComposeProgress,
} from '../../../machines';

export type StripState = 'done' | 'active' | 'waiting' | 'pending' | 'skipped';

export interface StripItem {
  service: string;
  state: StripState;
  /** What it waits for (`waiting for postgres to be healthy`), or what it does (`starting…`). */
  detail?: string;
}

const VERB: Record<ComposeAction, string> = {
  up: 'starting…',
  start: 'starting…',
  restart: 'restarting…',
  stop: 'stopping…',
  down: 'stopping and removing…',
  pause: 'pausing…',
  unpause: 'unpausing…',
  kill: 'killing…',
};

/** The CLI line of an action (`docker compose up -d`). */
export function composeCli(action: ComposeAction): string {
  return `docker compose ${action}${action === 'up' ? ' -d' : ''}`;
}

/** Services in the order Compose plans to act on them for `action`. */
export function plannedOrder(spec: ArchitectureSpec, action: ComposeAction): string[] {
  const services = spec.services.filter((s) => isServiceActive(spec, s));
  switch (action) {
    case 'up':
    case 'start':
      return dependencyOrder(spec).flat();
    case 'restart':
      // Compose's restart orders only by `depends_on` entries with `restart: true`.
      return dependencyOrder({ ...spec, services: spec.services.map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => d.restart) })) }).flat();
    case 'stop':
    case 'down':
      return reverseDependencyOrder(spec).flat();
    default:
      return services.map((s) => s.name);
  }
}

/** The strip's items for `progress` of a run on `spec`. */
export function stripItems(spec: ArchitectureSpec, progress: ComposeProgress): StripItem[] {
  const items: StripItem[] = [];
  const seen = new Set<string>();
  for (const service of progress.finished) {
    if (seen.has(service)) continue;
    seen.add(service);
    items.push({ service, state: 'done' });
  }
  for (const { service, waitingFor } of progress.active) {
    if (seen.has(service)) continue;
    seen.add(service);
    items.push(waitingFor ? { service, state: 'waiting', detail: waitingFor } : { service, state: 'active', detail: VERB[progress.action] });
  }
  const rest: StripState = progress.status === 'running' ? 'pending' : 'skipped';
  for (const service of plannedOrder(spec, progress.action)) {
    if (seen.has(service)) continue;
    seen.add(service);
    items.push({ service, state: rest });
  }
  return items;
}

/** One line saying where the run is: `docker compose up -d: 5 of 20 services`, `…: done`, or Compose's error. */
export function stripSummary(progress: ComposeProgress, total: number): string {
  const cli = composeCli(progress.action);
  if (progress.status === 'failed') return `${cli} failed: ${progress.error ?? 'unknown error'}`;
  const warned = progress.warnings?.length ? `, ${progress.warnings.length} ${progress.warnings.length === 1 ? 'warning' : 'warnings'}` : '';
  if (progress.status === 'done') return `${cli}: done (${total} ${total === 1 ? 'service' : 'services'}${warned})`;
  return `${cli}: ${progress.finished.length} of ${total} services done${warned}`;
}
