/**
 * Layout of real compose files: every service drawn (containers, a group box for
 * replicas, a placeholder for an inactive service), nothing overlapping, dependents
 * left of their dependencies. Each fixture is also laid out with replicas added.
 */
import { describe, expect, it } from 'vitest';
import type { ArchitectureSpec } from '../../../machines';
import { architectureGraph, groupId, placeholderId } from '../../../src/model/layout/architectureGraph';
import { layoutArchitecture } from '../../../src/model/layout/layoutArchitecture';
import { NODE_HEIGHT, NODE_WIDTH, type ArchitectureLayout, type ServiceBox } from '../../../src/model/layout/layoutGeometry';
import { loadComposeText } from '../../../src/features/compose/loadCompose';
import { examples, fixture, fixtures, OTEL, VOTING } from './helpers';

interface Rect {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

function specOf(name: string, text: string, activeProfiles: string[] = []): ArchitectureSpec {
  const result = loadComposeText(text, { fileName: name, activeProfiles });
  if (!result.ok) throw new Error(result.message);
  return result.source.spec;
}

/** The same project with 1, 2, 3, 5 (then again) replicas per service (container_name dropped, as Compose requires). */
function withReplicas(spec: ArchitectureSpec): ArchitectureSpec {
  const counts = [1, 2, 3, 5];
  return {
    ...spec,
    services: spec.services.map((s, i) => {
      const { containerName: _dropped, ...rest } = s;
      return { ...rest, replicas: counts[i % counts.length]! };
    }),
  };
}

function rects(layout: ArchitectureLayout): { containers: Rect[]; boxes: ServiceBox[] } {
  const containers = Object.entries(layout.positions).map(([id, p]) => ({ id, ...p, width: NODE_WIDTH, height: NODE_HEIGHT }));
  return { containers, boxes: layout.services };
}

function expectClean(spec: ArchitectureSpec): ArchitectureLayout {
  const layout = layoutArchitecture(spec);
  const graph = architectureGraph(spec);
  const { containers, boxes } = rects(layout);

  // Every service has exactly one box; every active replica a node.
  expect(boxes.map((b) => b.service)).toEqual(spec.services.map((s) => s.name));
  expect(containers.map((c) => c.id).sort()).toEqual(graph.containers.map((c) => c.name).sort());

  // No two containers overlap; no two service boxes overlap.
  for (let i = 0; i < containers.length; i++) {
    for (let j = i + 1; j < containers.length; j++) {
      expect(overlap(containers[i]!, containers[j]!), `${containers[i]!.id} / ${containers[j]!.id}`).toBe(false);
    }
  }
  const boxRects = boxes.map((b) => ({ ...b, id: b.service }));
  for (let i = 0; i < boxRects.length; i++) {
    for (let j = i + 1; j < boxRects.length; j++) {
      expect(overlap(boxRects[i]!, boxRects[j]!), `${boxRects[i]!.id} / ${boxRects[j]!.id}`).toBe(false);
    }
  }

  // Each container sits inside its own service's box; a box of 2+ replicas is a group.
  for (const slot of graph.containers) {
    const box = boxRects.find((b) => b.service === slot.service)!;
    const node = containers.find((c) => c.id === slot.name)!;
    expect(inside(node, box), `${slot.name} inside ${slot.service}`).toBe(true);
    expect(box.kind).toBe(box.replicas > 1 ? 'group' : 'single');
  }

  // Dependents are drawn left of their dependencies.
  for (const link of graph.serviceLinks) {
    const source = boxRects.find((b) => b.service === link.source)!;
    const target = boxRects.find((b) => b.service === link.target)!;
    expect(source.x + source.width, `${link.source} left of ${link.target}`).toBeLessThan(target.x);
  }

  // Everything lies in the reported bounding box, from (0, 0).
  for (const b of boxRects) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
    expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
  }
  return layout;
}

describe('layout of the compose fixtures', () => {
  for (const [name, text] of [...fixtures(), ...examples()]) {
    // Sentry's 59 services (hundreds of containers with replicas): the pairwise overlap checks take seconds.
    it(`${name}: every service drawn, no overlap`, () => {
      expectClean(specOf(name, text));
    }, 30_000);
    it(`${name} with replicas: grouped, no overlap`, () => {
      const layout = expectClean(withReplicas(specOf(name, text)));
      expect(layout.services.some((b) => b.kind === 'group')).toBe(true);
    }, 30_000);
    it(`${name} with every profile active: no overlap`, () => {
      expectClean(specOf(name, text, ['*']));
    }, 30_000);
  }

  it('folds the tall rank of the OpenTelemetry demo so the drawing suits a wide canvas', () => {
    const layout = layoutArchitecture(specOf(OTEL, fixture(OTEL)));
    expect(layout.services).toHaveLength(20);
    // Drawn at least half as tall as wide; without folding it is taller than wide.
    expect(layout.width / layout.height).toBeGreaterThan(1.3);
  });

  it('keeps small projects unfolded (the e-commerce example is one row per rank)', () => {
    const [name, text] = examples().find(([n]) => n === 'ecommerce.compose.yml')!;
    const layout = layoutArchitecture(specOf(name, text));
    const xs = new Set(layout.services.map((b) => b.x));
    expect(xs.size).toBe(5);
  });

  it('stacks replicas in a column up to 6, then in a grid', () => {
    const base = specOf('x.yml', 'services:\n  web:\n    image: nginx\n    depends_on: [api]\n  api:\n    image: api\n');
    const three = layoutArchitecture({ ...base, services: base.services.map((s) => (s.name === 'api' ? { ...s, replicas: 3 } : s)) });
    const api3 = ['x-api-1', 'x-api-2', 'x-api-3'].map((n) => three.positions[n]!);
    expect(new Set(api3.map((p) => p.x)).size).toBe(1);
    expect(api3[0]!.y).toBeLessThan(api3[1]!.y);
    const twelve = layoutArchitecture({ ...base, services: base.services.map((s) => (s.name === 'api' ? { ...s, replicas: 12 } : s)) });
    const box = twelve.services.find((b) => b.service === 'api')!;
    expect(box.kind).toBe('group');
    expect(box.width).toBeGreaterThan(2 * NODE_WIDTH);
    expect(box.height).toBeLessThan(12 * NODE_HEIGHT);
  });
});

describe('replica grids', () => {
  const [name, text] = examples().find(([n]) => n === 'scaled-workers.compose.yml')!;
  const scaled = (n: number) => {
    const spec = specOf(name, text);
    return { ...spec, services: spec.services.map((s) => (s.name === 'worker' ? { ...s, replicas: n } : s)) };
  };

  it('keeps 3 workers in one column', () => {
    const { positions } = layoutArchitecture(scaled(3));
    const xs = new Set([1, 2, 3].map((i) => positions[`scaled-workers-worker-${i}`]!.x));
    expect(xs.size).toBe(1);
  });

  it('puts 5 workers in a 2-column grid when a stack would make the drawing too tall', () => {
    const layout = expectClean(scaled(5));
    const workers = [1, 2, 3, 4, 5].map((i) => layout.positions[`scaled-workers-worker-${i}`]!);
    expect(new Set(workers.map((p) => p.x)).size).toBe(2);
    expect(new Set(workers.map((p) => p.y)).size).toBe(3);
    // Row by row: worker-1 | worker-2, then worker-3 | worker-4, then worker-5.
    expect(workers[0]!.y).toBe(workers[1]!.y);
    expect(workers[0]!.x).toBeLessThan(workers[1]!.x);
    const group = layout.services.find((b) => b.service === 'worker')!;
    expect(group.kind).toBe('group');
    expect(group.height).toBeLessThan(5 * NODE_HEIGHT + 4 * 20);
  });

  it('lays out 100 replicas without overlap', () => {
    expectClean(scaled(100));
  });
});

describe('drawn edges', () => {
  it('draws one edge per group of replicas, while every replica still depends on every target replica', () => {
    const [name, text] = examples().find(([n]) => n === 'scaled-workers.compose.yml')!;
    const graph = architectureGraph(specOf(name, text));
    // worker ×3 → migrate and queue: 6 container-level links, 2 drawn edges from the group.
    expect(graph.links.filter((l) => l.sourceService === 'worker')).toHaveLength(6);
    expect(graph.drawnLinks.filter((l) => l.sourceService === 'worker').map((l) => l.id)).toEqual([
      'group:worker->scaled-workers-migrate-1',
      'group:worker->scaled-workers-queue-1',
    ]);
    const spec = specOf('g.yml', 'services:\n  web:\n    image: nginx\n    depends_on: [api]\n  api:\n    image: api\n    scale: 3\n');
    const toGroup = architectureGraph(spec).drawnLinks;
    expect(toGroup).toEqual([
      { id: 'g-web-1->group:api', source: 'g-web-1', target: 'group:api', sourceService: 'web', targetService: 'api', targets: ['g-api-1', 'g-api-2', 'g-api-3'] },
    ]);
  });

  it('keeps container-to-container edges between single containers', () => {
    const graph = architectureGraph(specOf(VOTING, fixture(VOTING)));
    expect(graph.drawnLinks.map((l) => l.id)).toEqual(graph.links.map((l) => l.id));
  });
});

describe('services without containers', () => {
  it('draws an inactive service as a placeholder with its profiles, linked to what it depends on', () => {
    const spec = specOf(VOTING, fixture(VOTING));
    const graph = architectureGraph(spec);
    const seed = graph.services.find((s) => s.name === 'seed')!;
    expect(seed).toMatchObject({ active: false, placeholder: 'inactive', replicas: 0, profiles: ['seed'] });
    expect(graph.containers.some((c) => c.service === 'seed')).toBe(false);
    expect(graph.placeholderLinks).toEqual([
      expect.objectContaining({ source: placeholderId('seed'), sourceService: 'seed', targetService: 'vote', kind: 'from-placeholder', reason: 'inactive' }),
    ]);
    const box = layoutArchitecture(spec).services.find((b) => b.service === 'seed')!;
    expect(box).toMatchObject({ kind: 'placeholder', placeholder: 'inactive' });
  });

  it('warns on an edge from a running service to an inactive one instead of failing', () => {
    const result = loadComposeText(
      'services:\n  web:\n    image: nginx\n    depends_on: [debug]\n  debug:\n    image: busybox\n    profiles: [dev]\n',
      { fileName: 'p.yml' },
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings.join('\n')).toMatch(/not in an active profile/);
    const graph = architectureGraph(result.source.spec);
    expect(graph.links).toEqual([]);
    expect(graph.placeholderLinks).toEqual([
      expect.objectContaining({ source: 'p-web-1', target: placeholderId('debug'), kind: 'to-placeholder', reason: 'inactive' }),
    ]);
    expectClean(result.source.spec);
  });

  it('draws a service scaled to 0 as a placeholder', () => {
    const spec = specOf('z.yml', 'services:\n  web:\n    image: nginx\n    depends_on: [api]\n  api:\n    image: api\n');
    const zero = { ...spec, services: spec.services.map((s) => (s.name === 'api' ? { ...s, replicas: 0 } : s)) };
    const graph = architectureGraph(zero);
    expect(graph.services.find((s) => s.name === 'api')?.placeholder).toBe('scaled-to-zero');
    expect(graph.placeholderLinks[0]).toMatchObject({ source: 'z-web-1', target: placeholderId('api'), kind: 'to-placeholder' });
    expectClean(zero);
  });

  it('uses ids that never collide with container names', () => {
    expect(placeholderId('1st.db_x-y')).toBe('service:1st.db_x-y');
    expect(groupId('1st.db_x-y')).toBe('group:1st.db_x-y');
  });
});
