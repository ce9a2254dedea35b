/** Start and stop order as Compose visits services (docker/compose pkg/compose/dependencies.go). */
import { describe, expect, it } from 'vitest';
import type { ArchitectureSpec, DependencySpec, ServiceSpec } from '../../../machines/architecture/spec';
import { dependencyOrder, reverseDependencyOrder } from '../../../machines/architecture/dependencyOrder';
import { containerNames } from '../../../src/model/compose/parseCompose';
import { isServiceActive } from '../../../machines/architecture/profiles';

function service(name: string, dependsOn: string[] = [], extra: Partial<ServiceSpec> = {}): ServiceSpec {
  const edges: DependencySpec[] = dependsOn.map((dep) => ({
    service: dep,
    condition: 'service_started',
    required: true,
    restart: false,
    via: 'depends_on',
  }));
  return {
    name,
    image: `${name}:latest`,
    replicas: 1,
    restartPolicy: 'no',
    dependsOn: edges,
    profiles: [],
    ports: [],
    expose: [],
    networks: ['default'],
    environment: {},
    ...extra,
  };
}

function project(services: ServiceSpec[], activeProfiles: string[] = []): ArchitectureSpec {
  return { project: 'p', services, networks: ['default'], volumes: [], activeProfiles };
}

describe('dependencyOrder', () => {
  it('starts leaves first, a service once all it depends on is up, file order within a level', () => {
    const spec = project([
      service('web', ['api', 'cache']),
      service('api', ['db']),
      service('cache'),
      service('db'),
      service('docs'),
    ]);
    expect(dependencyOrder(spec)).toEqual([['cache', 'db', 'docs'], ['api'], ['web']]);
  });

  it('puts a diamond top after both branches', () => {
    const spec = project([service('top', ['left', 'right']), service('left', ['base']), service('right', ['mid']), service('mid', ['base']), service('base')]);
    expect(dependencyOrder(spec)).toEqual([['base'], ['left', 'mid'], ['right'], ['top']]);
  });

  it('returns [] for no services', () => {
    expect(dependencyOrder(project([]))).toEqual([]);
    expect(reverseDependencyOrder(project([]))).toEqual([]);
  });

  it('leaves out inactive profiles unless asked, ignoring edges to them', () => {
    const spec = project([service('app', ['debug']), service('debug', [], { profiles: ['dev'] })]);
    expect(dependencyOrder(spec)).toEqual([['app']]);
    expect(dependencyOrder(spec, { includeInactive: true })).toEqual([['debug'], ['app']]);
    expect(dependencyOrder({ ...spec, activeProfiles: ['dev'] })).toEqual([['debug'], ['app']]);
  });

  it('ignores edges to unknown services and self-edges, and never throws on a cycle', () => {
    const spec = project([service('a', ['b', 'ghost']), service('b', ['a']), service('c', ['c'])]);
    expect(dependencyOrder(spec)).toEqual([['c'], ['a', 'b']]);
    expect(reverseDependencyOrder(spec)).toEqual([['c'], ['a', 'b']]);
  });

  it('handles a chain of 20 000 services without recursion', () => {
    const services = Array.from({ length: 20_000 }, (_, i) => service(`s${i}`, i === 0 ? [] : [`s${i - 1}`]));
    const levels = dependencyOrder(project(services));
    expect(levels).toHaveLength(20_000);
    expect(levels[0]).toEqual(['s0']);
  });
});

describe('reverseDependencyOrder', () => {
  it('stops dependents first, and an independent service in the first wave', () => {
    const spec = project([service('web', ['db']), service('db'), service('docs')]);
    expect(reverseDependencyOrder(spec)).toEqual([['web', 'docs'], ['db']]);
    expect(dependencyOrder(spec)).toEqual([['db', 'docs'], ['web']]);
  });
});

describe('containerNames', () => {
  it('names replicas <project>-<service>-<n>, or uses container_name', () => {
    const spec = project([]);
    expect(containerNames(spec, service('web', [], { replicas: 3 }))).toEqual(['p-web-1', 'p-web-2', 'p-web-3']);
    expect(containerNames(spec, service('web', [], { containerName: 'shop-web' }))).toEqual(['shop-web']);
    expect(containerNames(spec, service('web', [], { replicas: 0 }))).toEqual([]);
    expect(containerNames(spec, service('web', [], { replicas: -1 }))).toEqual([]);
  });
});

describe('isServiceActive', () => {
  it('follows Compose profiles, with * enabling all', () => {
    expect(isServiceActive({ activeProfiles: [] }, { profiles: [] })).toBe(true);
    expect(isServiceActive({ activeProfiles: [] }, { profiles: ['dev'] })).toBe(false);
    expect(isServiceActive({ activeProfiles: ['test'] }, { profiles: ['dev', 'test'] })).toBe(true);
    expect(isServiceActive({ activeProfiles: ['*'] }, { profiles: ['dev'] })).toBe(true);
  });
});
