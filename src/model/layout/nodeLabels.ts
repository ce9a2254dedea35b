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

/**
 * Advance widths of DejaVu Sans Bold, em (Debian's default sans and among the widest: the
 * system-ui fonts of other platforms are narrower, so text sized with these fits there too).
 */
const BOLD_EM: Record<string, number> = {
  a: 0.675, b: 0.716, c: 0.593, d: 0.716, e: 0.678, f: 0.435, g: 0.716, h: 0.712, i: 0.343, j: 0.343, k: 0.665, l: 0.343, m: 1.042,
  n: 0.712, o: 0.687, p: 0.716, q: 0.716, r: 0.493, s: 0.595, t: 0.478, u: 0.712, v: 0.652, w: 0.924, x: 0.645, y: 0.652, z: 0.582,
  '-': 0.415, '_': 0.5, '.': 0.38, ' ': 0.348, '×': 0.838, '#': 0.838,
};
/** Digits, capitals and anything else, em (capitals are wider still: a margin below). */
const OTHER_EM = 0.75;

/** Width of `text` in bold sans, em, with a 4 % margin. */
export function boldTextEm(text: string): number {
  let em = 0;
  for (const ch of text) em += BOLD_EM[ch] ?? (/[0-9]/.test(ch) ? 0.696 : OTHER_EM);
  return em * 1.04;
}

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
 * Width, em, of the widest line when `name` is broken into at most `lines` lines after
 * `-`, `_` or `.` (never inside a word), as narrow as can be.
 */
function widestLineEm(name: string, lines: number): number {
  const words = name.split(/(?<=[-_.])/);
  const widths = words.map(boldTextEm);
  const fits = (limit: number) => {
    let count = 1;
    let line = 0;
    for (const w of widths) {
      if (w > limit) return false;
      if (line > 0 && line + w > limit) {
        count += 1;
        line = 0;
      }
      line += w;
    }
    return count <= lines;
  };
  // The narrowest limit that works is the width of some run of consecutive words.
  const candidates = new Set<number>();
  for (let i = 0; i < widths.length; i++) {
    let sum = 0;
    for (let j = i; j < widths.length; j++) candidates.add((sum += widths[j]!));
  }
  return Math.min(...[...candidates].filter(fits));
}

/**
 * The size that shows `name` largest within `room` px per line: at most `cap` px, and
 * `height` px for all its lines (1.1 em each, up to `maxLines`); more lines only when
 * they make it at least 15 % larger.
 */
function fit(name: string, room: number, cap: number, height: number, maxLines: number): number {
  let best = Math.min(cap, room / Math.max(0.5, boldTextEm(name)));
  for (let lines = 2; lines <= maxLines; lines++) {
    const size = Math.min(cap, height / (1.1 * lines), room / widestLineEm(name, lines));
    if (size > best * 1.15) best = size;
  }
  return Math.floor(best);
}

/**
 * Title sizes of a container node for its service name (ContainerNode.css and
 * SemanticZoom.css read them as `--title-*`), so that no name is ever cut:
 * - detail: 16 px when it fits in one line (136 px beside the icon and a `#n`), down to
 *   12.5 px; a longer name takes two lines at 13 px (the image line makes room);
 * - overview: up to 24 px beside a 24 px icon (152 px a line), with the 18 px status line under it;
 * - far: up to 36 px, the status line gone.
 * A name that fits one line in detail stays on one line at every zoom (`load-balancer` is
 * one name: a break after its dash reads as two words); only a name too long for that
 * (`detailLines: 2`) breaks, after `-`, `_` or `.`, never inside a word: up to two lines
 * in overview and three when far, when that makes it at least 15 % larger.
 */
export function titleSizes(service: string): TitleSizes {
  const detailOne = 136 / Math.max(0.5, boldTextEm(service));
  const twoLines = detailOne < 12.5;
  return {
    detail: twoLines ? 13 : Math.floor(Math.min(16, detailOne) * 2) / 2,
    detailLines: twoLines ? 2 : 1,
    // Lines must leave room for the status line (overview) and a margin.
    overview: fit(service, 152, 24, CONTENT_HEIGHT - 28, twoLines ? 2 : 1),
    far: fit(service, 146, 36, CONTENT_HEIGHT - 16, twoLines ? 3 : 1),
  };
}

/**
 * Title size of a replica group's header when zoomed out, px: `<service> ×<n>` on one
 * line in the box's width (`width` px) less padding, at most 28 px (1.15 em a line in the 34 px header).
 */
export function groupTitleSize(service: string, replicas: number, width: number): number {
  return Math.floor(Math.min(28, (width - 40) / boldTextEm(`${service} ×${replicas}`)));
}
