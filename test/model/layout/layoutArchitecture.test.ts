import { describe, expect, it } from 'vitest';
import { ecommerceScenario, type ArchitectureSpec } from '../../../machines';
import { architectureGraph } from '../../../src/model/layout/architectureGraph';
import { layoutArchitecture } from '../../../src/model/layout/layoutArchitecture';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../src/model/layout/layoutGeometry';

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
