/**
 * Keyboard navigation on the canvas: which container lies nearest in an arrow key's
 * direction. Pure geometry on node centres.
 */
import type { Point } from './layoutGeometry';

export type Direction = 'left' | 'right' | 'up' | 'down';

/** A candidate: an id and its centre. */
export interface Placed {
  id: string;
  center: Point;
}

const AXES: Record<Direction, { dx: number; dy: number }> = {
  left: { dx: -1, dy: 0 },
  right: { dx: 1, dy: 0 },
  up: { dx: 0, dy: -1 },
  down: { dx: 0, dy: 1 },
};

/** The arrow key's direction, or null for any other key. */
export function directionOfKey(key: string): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}

/**
 * The candidate nearest to `from` in `direction`: it must lie ahead along that axis;
 * sideways distance counts double, so the one straight ahead wins over a closer diagonal.
 * Null when nothing lies that way.
 */
export function nearestInDirection(from: Point, direction: Direction, candidates: readonly Placed[]): string | null {
  const { dx, dy } = AXES[direction];
  let best: { id: string; score: number } | null = null;
  for (const c of candidates) {
    const ox = c.center.x - from.x;
    const oy = c.center.y - from.y;
    const ahead = ox * dx + oy * dy;
    if (ahead <= 1) continue;
    const sideways = Math.abs(ox * dy - oy * dx);
    const score = ahead + 2 * sideways;
    if (!best || score < best.score) best = { id: c.id, score };
  }
  return best?.id ?? null;
}
