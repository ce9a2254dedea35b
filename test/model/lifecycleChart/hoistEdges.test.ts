import { expect, it } from 'vitest';
import { chartTransitions } from '../../../src/model/lifecycleChart/chartFromMachine';
import { containerChart } from '../../../src/model/lifecycleChart/containerChart';
import { hoistSharedTransitions } from '../../../src/model/lifecycleChart/hoistEdges';

it('draws transitions shared by every child of running once, from running', () => {
  const chart = containerChart();
  const edges = hoistSharedTransitions(chart);
  const labels = (id: string) => edges.find((e) => e.id === id)?.transitions.map((t) => `${t.source.split('.').pop()}:${t.label}`);
  expect(labels('container.running->container.stopped')).toEqual(['up:docker stop', 'up:docker kill', 'restarting:docker stop', 'restarting:docker kill']);
  expect(labels('container.running->container.removed')).toEqual(['up:docker rm -f', 'restarting:docker rm -f']);
  expect(labels('container.running.up->container.stopped')).toEqual(['up:crash', 'up:OOM kill']);
  // Every transition is drawn except settings that every state accepts without moving (probe, update, rename).
  const settings = chartTransitions(chart).filter((t) => t.eventType === 'probe' || t.eventType === 'update' || t.eventType === 'rename');
  expect(settings.length).toBeGreaterThan(0);
  expect(edges.flatMap((e) => e.transitions.map((t) => t.id)).sort()).toEqual(
    chartTransitions(chart)
      .filter((t) => !settings.includes(t))
      .map((t) => t.id)
      .sort(),
  );
});
