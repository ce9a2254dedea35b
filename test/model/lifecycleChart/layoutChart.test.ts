/**
 * Layout of the container chart: nothing overlaps, groups hold their children, arrows
 * start and end on their states, and the side-panel layout fits ~340 px.
 */
import { describe, expect, it } from 'vitest';
import { containerChart } from '../../../src/model/lifecycleChart/containerChart';
import { diagramLines } from '../../../src/model/lifecycleChart/diagramLabels';
import { contains, inside, overlaps, type Box } from '../../../src/model/lifecycleChart/geometry';
import { hoistSharedTransitions } from '../../../src/model/lifecycleChart/hoistEdges';
import { layoutChart, type ChartLayout } from '../../../src/model/lifecycleChart/layoutChart';
import type { StateChart } from '../../../src/model/lifecycleChart/types';

const chart = containerChart();
const drawn: StateChart = { ...chart, edges: hoistSharedTransitions(chart) };

function isWithin(id: string, ancestor: string): boolean {
  for (let n = chart.nodes.find((x) => x.id === id); n; n = chart.nodes.find((x) => x.id === n?.parent)) if (n.id === ancestor) return true;
  return false;
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

describe.each(['TB', 'LR'] as const)('layoutChart %s', (rankdir) => {
  const layout: ChartLayout = layoutChart(drawn, { rankdir, edgeLines: diagramLines });

  it('lays out every state but the root, once', () => {
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(chart.nodes.filter((n) => n.id !== chart.rootId).map((n) => n.id).sort());
  });

  it('has no overlapping states (a group only overlaps what it contains)', () => {
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a.id >= b.id || isWithin(a.id, b.id) || isWithin(b.id, a.id)) continue;
        expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  it('puts children inside their group', () => {
    for (const n of layout.nodes) {
      const parent = layout.nodes.find((p) => p.id === chart.nodes.find((c) => c.id === n.id)?.parent);
      if (parent) expect(contains(parent, n), `${n.id} in ${parent.id}`).toBe(true);
    }
  });

  it('keeps labels off the states and off each other', () => {
    const labels = layout.edges.filter((e) => e.label !== null);
    for (const e of labels) {
      for (const n of layout.nodes.filter((x) => !x.group)) expect(overlaps(e.label as Box, n), `label of ${e.id} on ${n.id}`).toBe(false);
      for (const o of labels) if (o.id < e.id) expect(overlaps(e.label as Box, o.label as Box), `labels of ${e.id} and ${o.id}`).toBe(false);
    }
  });

  it('starts and ends every arrow on its states', () => {
    expect(layout.edges.map((e) => e.id).sort()).toEqual(drawn.edges.filter((e) => e.source !== chart.rootId).map((e) => e.id).sort());
    for (const e of layout.edges) {
      const edge = drawn.edges.find((x) => x.id === e.id);
      const source = layout.nodes.find((n) => n.id === edge?.source);
      const target = layout.nodes.find((n) => n.id === edge?.target);
      const [first, last] = [e.points[0], e.points[e.points.length - 1]];
      expect(source && first && inside(grow(source, 1), first), `${e.id} starts on its source`).toBe(true);
      expect(target && last && inside(grow(target, 1), last), `${e.id} ends on its target`).toBe(true);
    }
  });

  it('draws one initial dot per compound state (root included)', () => {
    expect(layout.initials.map((i) => i.of).sort()).toEqual(['container', 'container.running']);
  });
});

it('fits a ~320 px side panel top to bottom', () => {
  expect(layoutChart(drawn, { rankdir: 'TB', edgeLines: diagramLines }).width).toBeLessThanOrEqual(320);
});
