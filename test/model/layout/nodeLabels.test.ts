/** The name-display rule of container nodes, semantic zoom levels and title sizes. */
import { describe, expect, it } from 'vitest';
import { ecommerceScenario, type ArchitectureSpec } from '../../../machines';
import { architectureGraph } from '../../../src/model/layout/architectureGraph';
import { boldTextEm, containerLabel, groupTitleSize, labelText, titleSizes, zoomLevel, ZOOM_THRESHOLDS } from '../../../src/model/layout/nodeLabels';
import { parseOk } from '../compose/helpers';

describe('containerLabel: what a node adds to its service name', () => {
  it('adds nothing when the container is named like its service', () => {
    expect(containerLabel('api', 'api', 1, 'shop-api-1')).toEqual({ kind: 'service' });
    expect(labelText({ kind: 'service' })).toBeNull();
  });

  it('adds only the replica number to a Compose name <project>-<service>-<n>', () => {
    const label = containerLabel('shop-worker-3', 'worker', 3, 'shop-worker-3');
    expect(label).toEqual({ kind: 'replica', replica: 3 });
    expect(labelText(label)).toBe('#3');
  });

  it('adds the whole name when it is any other name', () => {
    const label = containerLabel('shop_db_primary', 'db', 1, 'shop-db-1');
    expect(label).toEqual({ kind: 'name', name: 'shop_db_primary' });
    expect(labelText(label)).toBe('shop_db_primary');
  });

  it('is what the graph gives each container of a compose file', () => {
    const { spec } = parseOk(
      [
        'name: Long Project Name',
        'services:',
        '  worker:',
        '    image: w',
        '    deploy: { replicas: 2 }',
        '  db:',
        '    image: postgres',
        '    container_name: primary-db',
        '  cache:',
        '    image: redis',
        '    container_name: cache',
        '',
      ].join('\n'),
    );
    const labels = Object.fromEntries(architectureGraph(spec).containers.map((c) => [c.name, c.label]));
    expect(labels).toEqual({
      'longprojectname-worker-1': { kind: 'replica', replica: 1 },
      'longprojectname-worker-2': { kind: 'replica', replica: 2 },
      'primary-db': { kind: 'name', name: 'primary-db' },
      cache: { kind: 'service' },
    });
  });

  it('finds the default scenario named by its services (nothing to add, no project to say)', () => {
    expect(architectureGraph(ecommerceScenario).containers.every((c) => c.label.kind === 'service')).toBe(true);
  });

  it('follows the one naming rule of machines/ (a project with a dash in it)', () => {
    const spec: ArchitectureSpec = { ...ecommerceScenario, project: 'my-shop', services: [{ ...ecommerceScenario.services[0]!, containerName: undefined, dependsOn: [] }] };
    expect(architectureGraph(spec).containers[0]).toMatchObject({ name: 'my-shop-load-balancer-1', label: { kind: 'replica', replica: 1 } });
  });
});

describe('zoomLevel', () => {
  it('switches from detail to overview to far as the view shrinks', () => {
    expect(zoomLevel(1)).toBe('detail');
    expect(zoomLevel(ZOOM_THRESHOLDS.detail)).toBe('detail');
    expect(zoomLevel(ZOOM_THRESHOLDS.detail - 0.01)).toBe('overview');
    expect(zoomLevel(ZOOM_THRESHOLDS.overview)).toBe('overview');
    expect(zoomLevel(ZOOM_THRESHOLDS.overview - 0.01)).toBe('far');
    expect(zoomLevel(0.2)).toBe('far');
  });
});

describe('titleSizes: the service name is never cut', () => {
  it('keeps short names at full size on one line', () => {
    expect(titleSizes('redis')).toEqual({ detail: 16, detailLines: 1, overview: 24, far: 36 });
  });

  it('shrinks a longer name to fit one line, then wraps it onto two in detail', () => {
    const catalog = titleSizes('product-catalog');
    expect(catalog.detailLines).toBe(1);
    expect(catalog.detail).toBeLessThan(16);
    expect(catalog.detail * boldTextEm('product-catalog')).toBeLessThanOrEqual(136);
    const long = titleSizes('opentelemetry-collector-contrib');
    expect(long).toMatchObject({ detail: 13, detailLines: 2 });
  });

  it('keeps a name that fits one line in detail on one line at every zoom (no break after its dash)', () => {
    // Two lines ('product-', 'catalog') would be 24 px; one line is what a reader takes for one name.
    expect(titleSizes('product-catalog').overview).toBe(Math.floor(152 / boldTextEm('product-catalog')));
    expect(titleSizes('load-balancer').far).toBe(Math.floor(146 / boldTextEm('load-balancer')));
    // No dash: one line, sized to fit.
    const word = titleSizes('recommendation');
    expect(word.overview).toBe(Math.floor(152 / boldTextEm('recommendation')));
    expect(word.far).toBe(Math.floor(146 / boldTextEm('recommendation')));
  });

  it('measures wide letters wider (m, w) and narrow ones narrower (i, l, -)', () => {
    expect(boldTextEm('mmmm')).toBeGreaterThan(boldTextEm('iiii') * 2.5);
  });

  it('fits a group header on one line in its box', () => {
    expect(groupTitleSize('worker', 3, 240)).toBe(28);
    const size = groupTitleSize('notification-dispatcher', 12, 240);
    expect(size * boldTextEm('notification-dispatcher ×12')).toBeLessThanOrEqual(200);
  });
});

describe('titleSizes of long names when zoomed far out', () => {
  it('uses up to three lines, broken after dashes, when that makes the name much larger', () => {
    const name = 'snuba-outcomes-billing-consumer';
    const { overview, far } = titleSizes(name);
    // One line would be about 7 px; three lines ('snuba-outcomes-', 'billing-', 'consumer') about twice that.
    expect(far).toBeGreaterThan((146 / boldTextEm(name)) * 1.8);
    expect(far * 1.1 * 3).toBeLessThanOrEqual(70);
    expect(far * boldTextEm('snuba-outcomes-')).toBeLessThanOrEqual(146);
    expect(overview * boldTextEm('snuba-outcomes-')).toBeLessThanOrEqual(152);
  });
});
