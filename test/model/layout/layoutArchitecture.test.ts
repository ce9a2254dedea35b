import { describe, expect, it } from 'vitest';
import { ecommerceScenario, type ArchitectureSpec } from '../../../machines';
import { architectureGraph } from '../../../src/model/layout/architectureGraph';
import { layoutArchitecture } from '../../../src/model/layout/layoutArchitecture';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../src/model/layout/layoutGeometry';
import { chainCompose, platformCompose } from '../../fixtures/generatedCompose';
import { parseOk } from '../compose/helpers';

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return a.x < b.x + NODE_WIDTH && b.x < a.x + NODE_WIDTH && a.y < b.y + NODE_HEIGHT && b.y < a.y + NODE_HEIGHT;
}

describe('architectureGraph', () => {
  it('draws the e-commerce platform: ten containers, dependent → dependency edges', () => {
    const { containers, links } = architectureGraph(ecommerceScenario);
    expect(containers.map((c) => c.name)).toHaveLength(10);
    expect(links.map((l) => l.id)).toEqual(
      expect.arrayContaining([
        'load-balancer->frontend-1',
        'load-balancer->frontend-2',
        'frontend-1->api-gateway',
        'api-gateway->order-service',
        'order-service->postgres',
        'order-service->rabbitmq',
      ]),
    );
  });

  it('adds `calls` edges without duplicating `dependsOn` ones', () => {
    const spec: ArchitectureSpec = {
      ...ecommerceScenario,
      calls: [
        { from: 'order-service', to: 'payment-service' },
        { from: 'order-service', to: 'postgres' },
      ],
    };
    const ids = architectureGraph(spec).links.map((l) => l.id);
    expect(ids).toContain('order-service->payment-service');
    expect(ids.filter((id) => id === 'order-service->postgres')).toHaveLength(1);
  });

  it('draws one node per replica and links every replica pair', () => {
    const [lb, fe] = [ecommerceScenario.services[0]!, ecommerceScenario.services[1]!];
    const spec: ArchitectureSpec = {
      ...ecommerceScenario,
      project: 'shop',
      services: [
        { ...lb, containerName: undefined, dependsOn: [{ ...lb.dependsOn[0]!, service: 'frontend-1' }] },
        { ...fe, containerName: undefined, replicas: 2, dependsOn: [] },
      ],
    };
    const { containers, links } = architectureGraph(spec);
    expect(containers.map((c) => c.name)).toEqual(['shop-load-balancer-1', 'shop-frontend-1-1', 'shop-frontend-1-2']);
    expect(links).toHaveLength(2);
  });
});

describe('layoutArchitecture', () => {
  const { positions } = layoutArchitecture(ecommerceScenario);
  const names = Object.keys(positions);

  it('places every container', () => {
    expect(names).toHaveLength(10);
  });

  it('never overlaps two nodes', () => {
    for (const a of names) for (const b of names) if (a < b) expect(overlaps(positions[a]!, positions[b]!), `${a} / ${b}`).toBe(false);
  });

  it('lays dependents out left of their dependencies', () => {
    for (const link of architectureGraph(ecommerceScenario).links) {
      expect(positions[link.source]!.x).toBeLessThan(positions[link.target]!.x);
    }
  });

  it('is pure: the same spec gives the same layout', () => {
    expect(layoutArchitecture(ecommerceScenario)).toEqual(layoutArchitecture(ecommerceScenario));
  });
});

describe('layoutArchitecture of big graphs (a canvas of the default shape, 2.3 : 1)', () => {
  const boxesOverlap = (l: ReturnType<typeof layoutArchitecture>) => {
    const boxes = l.services;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) return `${a.service} / ${b.service}`;
      }
    return null;
  };
  /** The zoom that fits the drawing in the app's canvas at 1400×900 (about 1035 × 445 px). */
  const fitZoom = (l: { width: number; height: number }) => Math.min(1035 / l.width, 445 / l.height);

  it('wraps a 40-service chain into rows read left to right, top to bottom', () => {
    const { spec } = parseOk(chainCompose(40));
    const layout = layoutArchitecture(spec);
    expect(boxesOverlap(layout)).toBeNull();
    const rows = [...new Set(layout.services.map((b) => b.y))].sort((a, b) => a - b);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    // In each row the chain goes right; each row starts left of where the previous ended.
    const at = (i: number) => layout.services.find((b) => b.service === `step-${String(i).padStart(2, '0')}`)!;
    for (let i = 1; i < 40; i++) {
      const [a, b] = [at(i), at(i + 1)];
      if (a.y === b.y) expect(b.x).toBeGreaterThan(a.x);
      else expect(b.y).toBeGreaterThan(a.y);
    }
    // Unwrapped it would be drawn at 0.09; wrapped, names are readable in the overview.
    expect(fitZoom(layout)).toBeGreaterThan(0.4);
  });

  it('folds a 170-service tier of a 200-service platform so that it fits the canvas', () => {
    const { spec } = parseOk(platformCompose(200));
    expect(spec.services).toHaveLength(200);
    const layout = layoutArchitecture(spec);
    expect(boxesOverlap(layout)).toBeNull();
    expect(layout.width / layout.height).toBeGreaterThan(1.5);
    expect(layout.width / layout.height).toBeLessThan(3.5);
    expect(fitZoom(layout)).toBeGreaterThan(0.2); // React Flow's minZoom on the canvas
    // Tiers keep their order: every edge proxy left of every service, every service left of every store.
    const xs = (prefix: string) => layout.services.filter((b) => b.service.startsWith(prefix)).map((b) => b.x);
    expect(Math.max(...xs('edge-'))).toBeLessThan(Math.min(...xs('svc-')));
    expect(Math.max(...xs('svc-'))).toBeLessThan(Math.min(...xs('store-')));
  }, 30_000); // dagre on 200 services: about a second alone, several on a loaded machine

  it('leaves a small graph as dagre draws it (no fold, no wrap)', () => {
    const layout = layoutArchitecture(ecommerceScenario);
    expect(new Set(layout.services.map((b) => b.x)).size).toBe(5);
  });
});
