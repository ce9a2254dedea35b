/**
 * How the view is fitted to the drawing: one set of options for small graphs, and for
 * big graphs (a minimap and a search field on the canvas) padding that keeps every node
 * clear of both. Pure: sizes in, React Flow `FitViewOptions` out.
 */
import type { FitViewOptions } from '@xyflow/react';

/** Width × height in CSS pixels (canvas) or layout units (drawing). */
export interface Size {
  width: number;
  height: number;
}

/** Zoom limits of a small graph's fit. */
const ZOOM = { maxZoom: 1.15, minZoom: 0.2 } as const;
/**
 * The smallest zoom of the canvas and of a big graph's fit: 200 services in the app's
 * canvas (about 1000 × 400 px at 1400 × 900) need about 0.17 to be seen whole; below 0.2
 * the far level's large titles keep the names legible.
 */
export const MIN_ZOOM = 0.12;

/** A small graph's fit (no minimap, no search field). */
export const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.06, ...ZOOM };

/** The minimap of a big graph, bottom right: small enough to leave the drawing its room (React Flow's default is 200 × 150). */
export const MINIMAP_SIZE: Readonly<Size> = { width: 168, height: 104 };
/** React Flow's `Panel` margin: the minimap's distance from the canvas's edges. */
const PANEL_MARGIN = 15;
/** Room at the top of a big graph for the project label and the search field (15 px margin, a 38 px field, a gap). */
const TOP_ROOM = 62;

interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The zoom `padding` allows for `drawing` in `canvas` (before the zoom limits). */
function zoomWith(padding: Padding, canvas: Size, drawing: Size): number {
  const width = Math.max(1, canvas.width - padding.left - padding.right);
  const height = Math.max(1, canvas.height - padding.top - padding.bottom);
  return Math.min(width / Math.max(1, drawing.width), height / Math.max(1, drawing.height));
}

/**
 * A big graph's fit: the drawing is kept out of the minimap's corner by a strip beside it
 * (right padding) or above it (bottom padding), whichever leaves the larger zoom (a wide
 * drawing in a short canvas gives up width, a tall one gives up height). With an unknown
 * canvas size (0), the strip beside it.
 */
export function bigGraphFitOptions(canvas: Size, drawing: Size): FitViewOptions {
  const edgeX = Math.round(canvas.width * 0.02);
  const edgeY = Math.round(canvas.height * 0.02);
  const beside: Padding = { top: TOP_ROOM, right: MINIMAP_SIZE.width + 2 * PANEL_MARGIN, bottom: edgeY, left: edgeX };
  const above: Padding = { top: TOP_ROOM, right: edgeX, bottom: MINIMAP_SIZE.height + 2 * PANEL_MARGIN, left: edgeX };
  const known = canvas.width > 0 && canvas.height > 0;
  const best = known && zoomWith(above, canvas, drawing) > zoomWith(beside, canvas, drawing) ? above : beside;
  return {
    padding: { top: `${best.top}px`, right: `${best.right}px`, bottom: `${best.bottom}px`, left: `${best.left}px` },
    maxZoom: ZOOM.maxZoom,
    minZoom: MIN_ZOOM,
  };
}
