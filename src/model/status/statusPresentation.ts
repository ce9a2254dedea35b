/**
 * How each Docker status is presented: the lesson's state it belongs to, a label and
 * an icon, so the UI never relies on colour alone. Plain data; features render it.
 */
import type { DockerStatus, LifecycleState } from '../../../machines';

/** An icon as one SVG path on a 24×24 grid, drawn filled or stroked. */
export interface StatusIconShape {
  d: string;
  mode: 'fill' | 'stroke';
}

export interface StatusPresentation {
  /** Short label, e.g. `Running`, `Stopped`. */
  label: string;
  /** The lesson's state this status belongs to. */
  lessonState: LifecycleState;
  icon: StatusIconShape;
  /** One sentence for the legend. */
  meaning: string;
}

const ICONS = {
  created: { d: 'M12 5v14M5 12h14', mode: 'stroke' },
  running: { d: 'M8 5.5v13l10.5-6.5z', mode: 'fill' },
  paused: { d: 'M6.5 5h4v14h-4zM13.5 5h4v14h-4z', mode: 'fill' },
  stopped: { d: 'M6 6h12v12H6z', mode: 'fill' },
  restarting: { d: 'M19 12a7 7 0 1 1-2.05-4.95M19 4.5V9h-4.5', mode: 'stroke' },
  removed: { d: 'M6.5 6.5l11 11M17.5 6.5l-11 11', mode: 'stroke' },
} as const satisfies Record<string, StatusIconShape>;

const PRESENTATION: Record<DockerStatus, StatusPresentation> = {
  created: { label: 'Created', lessonState: 'created', icon: ICONS.created, meaning: 'docker create: the container exists but its process never ran.' },
  running: { label: 'Running', lessonState: 'running', icon: ICONS.running, meaning: 'The main process runs.' },
  restarting: {
    label: 'Restarting',
    lessonState: 'running',
    icon: ICONS.restarting,
    meaning: 'A sub-status of Running: the process died and the restart policy will start it again after a back-off.',
  },
  paused: { label: 'Paused', lessonState: 'paused', icon: ICONS.paused, meaning: 'docker pause: the processes are frozen, memory is kept.' },
  exited: { label: 'Stopped', lessonState: 'stopped', icon: ICONS.stopped, meaning: 'Docker status "exited": the process ended; the writable layer is kept.' },
  removing: { label: 'Removing', lessonState: 'stopped', icon: ICONS.removed, meaning: 'docker rm is in progress.' },
  dead: { label: 'Dead', lessonState: 'stopped', icon: ICONS.removed, meaning: 'Removal failed half-way.' },
  removed: { label: 'Removed', lessonState: 'removed', icon: ICONS.removed, meaning: 'docker rm: the container no longer exists.' },
};

/** Presentation of a Docker status. */
export function statusPresentation(status: DockerStatus): StatusPresentation {
  return PRESENTATION[status];
}

/** The legend's rows: the lesson's five states, with `restarting` as a sub-status of running. */
export const LEGEND_STATUSES: ReadonlyArray<{ status: DockerStatus; subStatusOf?: DockerStatus }> = [
  { status: 'created' },
  { status: 'running' },
  { status: 'restarting', subStatusOf: 'running' },
  { status: 'paused' },
  { status: 'exited' },
  { status: 'removed' },
];

/** Whether a dependency in this status serves its callers. */
export function isServing(status: DockerStatus): boolean {
  return status === 'running';
}

/** `order-service is paused`: a container's status in words, for titles and announcements. */
export function describeStatus(name: string, status: DockerStatus): string {
  switch (status) {
    case 'created':
      return `${name} is created but not started`;
    case 'exited':
      return `${name} is stopped (exited)`;
    case 'removed':
      return `${name} was removed`;
    case 'removing':
      return `${name} is being removed`;
    default:
      return `${name} is ${status}`;
  }
}
