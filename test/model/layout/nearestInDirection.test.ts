import { describe, expect, it } from 'vitest';
import { directionOfKey, nearestInDirection } from '../../../src/model/layout/nearestInDirection';

const grid = [
  { id: 'left', center: { x: 0, y: 100 } },
  { id: 'right-near-diagonal', center: { x: 150, y: 180 } },
  { id: 'right-straight', center: { x: 200, y: 100 } },
  { id: 'up', center: { x: 100, y: 0 } },
];

describe('nearestInDirection', () => {
  const from = { x: 100, y: 100 };
  it('prefers the container straight ahead over a closer diagonal one', () => {
    expect(nearestInDirection(from, 'right', grid)).toBe('right-straight');
  });
  it('finds containers in each direction', () => {
    expect(nearestInDirection(from, 'left', grid)).toBe('left');
    expect(nearestInDirection(from, 'up', grid)).toBe('up');
    expect(nearestInDirection(from, 'down', grid)).toBe('right-near-diagonal');
  });
  it('answers null when nothing lies that way', () => {
    expect(nearestInDirection({ x: 500, y: 100 }, 'right', grid)).toBeNull();
  });
  it('maps arrow keys only', () => {
    expect(directionOfKey('ArrowLeft')).toBe('left');
    expect(directionOfKey('a')).toBeNull();
  });
});
