/**
 * SVG path data for a dagre polyline, smoothed like d3's `curveBasis` (a B-spline through
 * the bend points that starts and ends exactly on the first and last point).
 */
import type { Point } from '../../model/lifecycleChart/geometry';

const r = (n: number) => Math.round(n * 10) / 10;

/** `M … C …` path data through `points` (straight line for two points). */
export function edgePath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  if (rest.length <= 1) return `M${r(first.x)},${r(first.y)}${rest.map((p) => `L${r(p.x)},${r(p.y)}`).join('')}`;
  let d = `M${r(first.x)},${r(first.y)}`;
  let [x0, y0, x1, y1] = [first.x, first.y, first.x, first.y];
  const segment = (x: number, y: number) => {
    d += `C${r((2 * x0 + x1) / 3)},${r((2 * y0 + y1) / 3)} ${r((x0 + 2 * x1) / 3)},${r((y0 + 2 * y1) / 3)} ${r((x0 + 4 * x1 + x) / 6)},${r((y0 + 4 * y1 + y) / 6)}`;
  };
  rest.forEach((p, i) => {
    if (i === 1) d += `L${r((5 * x0 + x1) / 6)},${r((5 * y0 + y1) / 6)}`;
    if (i >= 1) segment(p.x, p.y);
    [x0, y0, x1, y1] = [x1, y1, p.x, p.y];
  });
  segment(x1, y1);
  return `${d}L${r(x1)},${r(y1)}`;
}
