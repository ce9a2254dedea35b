/**
 * Small plane geometry for the chart layout: boxes, overlap, and cutting a polyline where
 * it crosses a box's border.
 */

/** A point in layout units (CSS pixels at scale 1). */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box; `x`, `y` is the top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes share interior area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `inner` lies within `outer`. */
export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Whether `p` lies within `box` (border included). */
export function inside(box: Box, p: Point): boolean {
  return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

/** Where the segment from `from` (outside) to `to` (inside) enters `box`. */
function entryPoint(box: Box, from: Point, to: Point): Point {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i += 1) {
    const mid = (lo + hi) / 2;
    const p = { x: from.x + (to.x - from.x) * mid, y: from.y + (to.y - from.y) * mid };
    if (inside(box, p)) hi = mid;
    else lo = mid;
  }
  return { x: from.x + (to.x - from.x) * hi, y: from.y + (to.y - from.y) * hi };
}

/**
 * The polyline cut where it first enters `box` (the arrow then ends on the box's border).
 * Unchanged when it starts inside the box or never enters it.
 */
export function clipEnd(points: readonly Point[], box: Box): Point[] {
  const first = points[0];
  if (first === undefined || inside(box, first)) return [...points];
  for (let i = 1; i < points.length; i += 1) {
    const prev = points[i - 1] as Point;
    const p = points[i] as Point;
    if (inside(box, p)) return [...points.slice(0, i), entryPoint(box, prev, p)];
  }
  return [...points];
}

