/**
 * What a node says about names, and how much it says at a given zoom. A container node's
 * title is its SERVICE name; the container name adds only the part that differs from
 * it. The Compose project is said once, on the canvas, not on every node. Pure.
 */

/**
 * The part of a container's name shown beside its service name:
 * - `service`: the container is named like its service (`container_name: api`, a replayed
 *   container without a Compose label): nothing to add;
 * - `replica`: Compose's own name `<project>-<service>-<n>`: only the replica number `n`;
 * - `name`: any other name (`container_name: shop_db_primary`): the whole name.
 */
export type ContainerLabel = { kind: 'service' } | { kind: 'replica'; replica: number } | { kind: 'name'; name: string };

/**
 * The label rule. `composeName` is the name Compose would give this replica, from the one
 * naming rule (`containerName` in `machines/architecture/naming.ts`, without `container_name`).
 */
export function containerLabel(name: string, service: string, replica: number, composeName: string): ContainerLabel {
  if (name === service) return { kind: 'service' };
  if (name === composeName) return { kind: 'replica', replica };
  return { kind: 'name', name };
}

/** The short text of a label, as drawn after the service name (`#2`), or null. */
export function labelText(label: ContainerLabel): string | null {
  if (label.kind === 'replica') return `#${label.replica}`;
  if (label.kind === 'name') return label.name;
  return null;
}

/**
 * Semantic zoom. `detail`: every line of the node (image, status, `docker ps`, health).
 * `overview`: service name and status only, in large type (the detail lines would be
 * under 7.5 px on screen). `far`: larger still; replicas of a group show their number
 * and status, the group its service name once.
 */
export type ZoomLevel = 'detail' | 'overview' | 'far';

/**
 * Lowest zoom of each level: the node's smallest detail text (12 px) is 7.5 px on screen
 * at 0.62; the overview's status label (15 px) at 0.5 and its name at 0.38.
 */
export const ZOOM_THRESHOLDS = { detail: 0.62, overview: 0.38 } as const;

/** The level for a React Flow zoom factor (1 = 100 %). */
export function zoomLevel(zoom: number): ZoomLevel {
  if (zoom >= ZOOM_THRESHOLDS.detail) return 'detail';
  if (zoom >= ZOOM_THRESHOLDS.overview) return 'overview';
  return 'far';
}

/** Average advance of a character of a name in bold sans, em (DejaVu Sans Bold ~0.62; a margin). */
const CHAR_EM = 0.66;
/** Height of a node's content box, px (104 − borders − padding). */
const CONTENT_HEIGHT = 86;

/** Font sizes of a title, px, and whether the detail title takes two lines. */
export interface TitleSizes {
  detail: number;
  detailLines: 1 | 2;
  overview: number;
  far: number;
}

/**
 * Longest part of `name` when it is broken into two lines after the `-`, `_` or `.`
 * nearest its middle; a name without one is not broken (its whole length).
 */
function longestHalf(name: string): number {
  let best = name.length;
  let bestDistance = Infinity;
  for (let i = 1; i < name.length - 1; i++) {
    if (!'-_.'.includes(name[i]!)) continue;
    const distance = Math.abs(i + 1 - name.length / 2);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = Math.max(i + 1, name.length - i - 1);
    }
  }
  return best;
}

/**
 * The size that shows `name` largest within `room` px per line, at most `cap` px and two
 * lines of `maxTwoLine` px: one line when that is nearly as large, else two lines.
 */
function fit(name: string, room: number, cap: number, maxTwoLine: number): number {
  const oneLine = room / (CHAR_EM * Math.max(1, name.length));
  if (oneLine >= cap) return cap;
  const twoLines = Math.min(cap, maxTwoLine, room / (CHAR_EM * longestHalf(name)));
  return Math.floor(twoLines > oneLine * 1.15 ? twoLines : oneLine);
}

/**
 * Title sizes of a container node for its service name (ContainerNode.css and
 * SemanticZoom.css read them as `--title-*`), so that no name is ever cut:
 * - detail: 16 px when it fits in one line (136 px beside the icon and a `#n`), down to
 *   12.5 px; a longer name takes two lines at 13 px (the image line makes room);
 * - overview: up to 24 px, one or two lines, beside a 24 px icon (152 px a line), with
 *   the 18 px status line under it;
 * - far: up to 36 px, one or two lines, the status line gone.
 */
export function titleSizes(service: string): TitleSizes {
  const detailOne = 136 / (CHAR_EM * Math.max(1, service.length));
  const twoLines = detailOne < 12.5;
  return {
    detail: twoLines ? 13 : Math.floor(Math.min(16, detailOne) * 2) / 2,
    detailLines: twoLines ? 2 : 1,
    overview: fit(service, 152, 24, (CONTENT_HEIGHT - 22) / 2.2),
    far: fit(service, 146, 36, CONTENT_HEIGHT / 2.2),
  };
}

/**
 * Title size of a replica group's header when zoomed out, px: `<service> ×<n>` on one
 * line in the box's width (`width` px) less padding, at most 30 px (the header band is 38 px).
 */
export function groupTitleSize(service: string, replicas: number, width: number): number {
  const chars = service.length + String(replicas).length + 2;
  return Math.floor(Math.min(30, (width - 40) / (CHAR_EM * chars)));
}
