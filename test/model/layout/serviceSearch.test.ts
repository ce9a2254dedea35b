/** Finding a service on the canvas by name. */
import { describe, expect, it } from 'vitest';
import { architectureGraph, groupId, placeholderId } from '../../../src/model/layout/architectureGraph';
import { findService, serviceTargets } from '../../../src/model/layout/serviceSearch';
import { parseOk } from '../compose/helpers';

const { spec } = parseOk(
  [
    'name: shop',
    'services:',
    '  frontend:',
    '    image: f',
    '  api-gateway:',
    '    image: g',
    '  worker:',
    '    image: w',
    '    deploy: { replicas: 3 }',
    '  debug:',
    '    image: d',
    '    profiles: [debug]',
    '',
  ].join('\n'),
);
const targets = serviceTargets(architectureGraph(spec));

describe('serviceTargets', () => {
  it('lists every service in spec order with the nodes that draw it', () => {
    expect(targets).toEqual([
      { service: 'frontend', nodes: ['shop-frontend-1'], containers: ['shop-frontend-1'] },
      { service: 'api-gateway', nodes: ['shop-api-gateway-1'], containers: ['shop-api-gateway-1'] },
      { service: 'worker', nodes: [groupId('worker')], containers: ['shop-worker-1', 'shop-worker-2', 'shop-worker-3'] },
      { service: 'debug', nodes: [placeholderId('debug')], containers: [] },
    ]);
  });
});

describe('findService', () => {
  const found = (q: string) => findService(targets, q)?.service ?? null;

  it('prefers the exact name, then a prefix, then a part, ignoring case and spaces', () => {
    expect(found('worker')).toBe('worker');
    expect(found('  API ')).toBe('api-gateway');
    expect(found('gate')).toBe('api-gateway');
    expect(found('end')).toBe('frontend');
  });

  it('finds a service by one of its container names', () => {
    expect(found('shop-worker-2')).toBe('worker');
  });

  it('finds nothing for an empty or unknown query', () => {
    expect(found('')).toBeNull();
    expect(found('nope')).toBeNull();
  });
});
