/**
 * The synthetic compose file of the render-under-load bench, and the same drawing for the
 * bare React Flow baseline page. The baseline gets the app's own positions (the app's
 * `architectureGraph` + `layoutArchitecture`, computed here in Node), so both pages draw
 * the same nodes at the same places in the same viewport.
 */
import { parseCompose } from '../../src/model/compose/parseCompose';
import { architectureGraph, groupId } from '../../src/model/layout/architectureGraph';
import { layoutArchitecture } from '../../src/model/layout/layoutArchitecture';
import { NODE_HEIGHT, NODE_WIDTH } from '../../src/model/layout/layoutGeometry';

/**
 * `services` services of `replicas` replicas each (default 50 × 10 = 500 containers);
 * service i > 0 depends on service ⌊(i-1)/3⌋ (a 3-ary tree). No healthchecks, no
 * restart policy: after `up` nothing changes on its own, so every render in the storm
 * comes from a command.
 */
export function renderCompose(services = 50, replicas = 10): string {
  const lines = [`name: bench${services * replicas}`, 'services:'];
  for (let i = 0; i < services; i++) {
    lines.push(`  svc${i}:`, `    image: registry.example.com/bench/svc${i % 7}:1.${i % 10}`);
    if (replicas !== 1) lines.push('    deploy:', `      replicas: ${replicas}`);
    if (i > 0) lines.push('    depends_on:', `      - svc${Math.floor((i - 1) / 3)}`);
  }
  return lines.join('\n') + '\n';
}

/** What the baseline page draws: container nodes, group boxes and edges, all positioned. */
export interface BaselineDrawing {
  containers: Array<{ id: string; x: number; y: number }>;
  groups: Array<{ id: string; x: number; y: number; width: number; height: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
  nodeWidth: number;
  nodeHeight: number;
}

/** Parses `text` as the app does and lays it out; throws when the app would refuse it. */
export function baselineDrawing(text: string): BaselineDrawing {
  const parsed = parseCompose(text, { activeProfiles: [] });
  if (!parsed.ok) throw new Error(`bench compose file refused: ${parsed.error.message}`);
  const graph = architectureGraph(parsed.spec);
  const layout = layoutArchitecture(parsed.spec);
  const containers = graph.containers.map((c) => ({ id: c.name, ...(layout.positions[c.name] ?? { x: 0, y: 0 }) }));
  const groups = layout.services.filter((b) => b.kind === 'group').map((b) => ({ id: groupId(b.service), x: b.x, y: b.y, width: b.width, height: b.height }));
  const edges = graph.drawnLinks.map((l) => ({ id: l.id, source: l.source, target: l.target }));
  return { containers, groups, edges, nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT };
}
