import { describe, expect, it } from 'vitest';
import { bigGraphFitOptions, MINIMAP_SIZE } from '../../../src/features/architecture/fitViewOptions';

const px = (v: unknown) => Number(String(v).replace('px', ''));
const padding = (canvas: { width: number; height: number }, drawing: { width: number; height: number }) =>
  bigGraphFitOptions(canvas, drawing).padding as Record<string, string>;

describe('a big graph’s fit keeps the drawing out of the minimap’s corner', () => {
  it('a wide drawing in a short canvas gives up height: the strip is above the minimap', () => {
    const p = padding({ width: 1000, height: 440 }, { width: 2400, height: 500 });
    expect(px(p.bottom)).toBeGreaterThanOrEqual(MINIMAP_SIZE.height + 15);
    expect(px(p.right)).toBeLessThan(MINIMAP_SIZE.width);
  });

  it('a tall drawing gives up width: the strip is beside the minimap', () => {
    const p = padding({ width: 1000, height: 440 }, { width: 600, height: 1400 });
    expect(px(p.right)).toBeGreaterThanOrEqual(MINIMAP_SIZE.width + 15);
    expect(px(p.bottom)).toBeLessThan(MINIMAP_SIZE.height);
  });

  it('keeps room at the top for the search field and the project label, and the zoom limits', () => {
    for (const canvas of [{ width: 0, height: 0 }, { width: 1400, height: 900 }]) {
      expect(px(padding(canvas, { width: 800, height: 800 }).top)).toBe(62);
      expect(bigGraphFitOptions(canvas, { width: 800, height: 800 })).toMatchObject({ minZoom: 0.12, maxZoom: 1.15 });
    }
  });
});
