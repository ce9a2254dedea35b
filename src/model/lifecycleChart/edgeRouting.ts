/**
 * Arrow shapes the layout adds to dagre's: a loop for a transition from a state to itself,
 * and the piece of an arrow inside a compound state, from its border to the child state.
 */
import { clipEnd, type Box, type Point } from './geometry';

/** A loop from `box` towards its label: on the right side, or at the bottom when the label is below. */
export function loopPoints(box: Box, label: Box | null): Point[] {
  const right = box.x + box.width;
  const bottom = box.y + box.height;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  if (label && label.y >= bottom - 1 && label.x < right) {
    const out = Math.max(12, label.y - bottom - 2);
    return [
      { x: cx + 8, y: bottom },
      { x: cx + 14, y: bottom + out },
      { x: cx - 14, y: bottom + out },
      { x: cx - 8, y: bottom },
    ];
  }
  const out = Math.max(14, (label ? label.x : right + 16) - right - 2);
  return [
    { x: right, y: cy - 7 },
    { x: right + out, y: cy - 12 },
    { x: right + out, y: cy + 12 },
    { x: right, y: cy + 7 },
  ];
}

/**
 * Extends an arrow laid out between two boxes of one level to the deeper states it really
 * joins (`source`, `target`): a straight piece from the compound's border to the state.
 */
export function extendToDeepEnds(route: readonly Point[], source: Box | undefined, target: Box | undefined, loop: boolean): Point[] {
  const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  let points = [...route];
  const first = points[0];
  const last = points[points.length - 1];
  if (loop || !first || !last || !source || !target) return points;
  const startsOnSource = Math.abs(first.x - centre(source).x) <= source.width / 2 + 0.5 && Math.abs(first.y - centre(source).y) <= source.height / 2 + 0.5;
  if (!startsOnSource) points = [...clipEnd([first, centre(source)], source).reverse().slice(0, 1), ...points];
  const endsOnTarget = Math.abs(last.x - centre(target).x) <= target.width / 2 + 0.5 && Math.abs(last.y - centre(target).y) <= target.height / 2 + 0.5;
  if (!endsOnTarget) points = [...points, ...clipEnd([last, centre(target)], target).slice(1)];
  return points;
}

