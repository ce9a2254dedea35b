/**
 * Real compose files from public repositories (test/fixtures/compose, see its
 * SOURCES.md). Every number asserted here was counted in the file by hand.
 */
import { describe, expect, it } from 'vitest';
import { containerNames } from '../../../src/model/compose/parseCompose';
import { dependencyOrder } from '../../../machines/architecture/dependencyOrder';
import { edges, parseOk, readFixture, serviceOf } from './helpers';

describe('docker/awesome-compose nginx-flask-mysql', () => {
  const text = readFixture('docker_awesome-compose__nginx-flask-mysql_compose.yml');
  const { spec, warnings } = parseOk(text, { fileName: 'nginx-flask-mysql/compose.yaml' });

  it('loads its 3 services in file order, without warnings', () => {
    expect(spec.services.map((s) => s.name)).toEqual(['db', 'backend', 'proxy']);
    expect(warnings).toEqual([]);
  });

  it('names the project after the directory, as Compose does for compose.yaml', () => {
    expect(spec.project).toBe('nginx-flask-mysql');
  });

  it('reads the long depends_on syntax with service_healthy, and the short one after "depends_on: "', () => {
    expect(serviceOf(spec, 'backend').dependsOn).toEqual([
      { service: 'db', condition: 'service_healthy', required: true, restart: false, via: 'depends_on' },
    ]);
    expect(serviceOf(spec, 'proxy').dependsOn).toEqual([
      { service: 'backend', condition: 'service_started', required: true, restart: false, via: 'depends_on' },
    ]);
  });

  it('names build-only images <project>-<service>', () => {
    expect(serviceOf(spec, 'backend').image).toBe('nginx-flask-mysql-backend');
    expect(serviceOf(spec, 'backend').build).toEqual({ context: 'backend', target: 'builder' });
    expect(serviceOf(spec, 'proxy').image).toBe('nginx-flask-mysql-proxy');
    expect(serviceOf(spec, 'proxy').build).toEqual({ context: 'proxy' });
    expect(serviceOf(spec, 'db').image).toBe('mariadb:10-focal');
  });

  it('reads the CMD-SHELL healthcheck, $$ interpolated to $ as Compose does, with durations in ms', () => {
    expect(serviceOf(spec, 'db').healthcheck).toEqual({
      test: 'mysqladmin ping -h 127.0.0.1 --password="$(cat /run/secrets/db-password)" --silent',
      intervalMs: 3000,
      startPeriodMs: 30000,
      retries: 5,
    });
  });

  it('reads restart, expose, environment lists and networks', () => {
    const db = serviceOf(spec, 'db');
    expect(db.restartPolicy).toBe('always');
    expect(db.expose).toEqual(['3306', '33060']);
    expect(db.environment).toEqual({
      MYSQL_DATABASE: 'example',
      MYSQL_ROOT_PASSWORD_FILE: '/run/secrets/db-password',
    });
    expect(serviceOf(spec, 'backend').networks).toEqual(['backnet', 'frontnet']);
    expect(serviceOf(spec, 'backend').ports).toEqual([{ target: '8000', published: '8000' }]);
    expect(spec.networks).toEqual(['backnet', 'frontnet']);
    expect(spec.volumes).toEqual(['db-data']);
  });
});

describe('docker/awesome-compose nginx-golang-postgres', () => {
  const { spec, warnings } = parseOk(readFixture('docker_awesome-compose__nginx-golang-postgres_compose.yml'));

  it('loads its 3 services on the default network', () => {
    expect(spec.services.map((s) => s.name)).toEqual(['backend', 'db', 'proxy']);
    expect(spec.services.every((s) => s.networks.join() === 'default')).toBe(true);
    expect(spec.networks).toEqual(['default']);
    expect(warnings).toEqual([]);
  });

  it('has its two edges, one service_healthy', () => {
    expect(edges(spec)).toEqual(['backend>db:service_healthy', 'proxy>backend:service_started']);
  });

  it('reads the pg_isready healthcheck and the build target', () => {
    expect(serviceOf(spec, 'db').healthcheck).toEqual({
      test: 'pg_isready',
      intervalMs: 10000,
      timeoutMs: 5000,
      retries: 5,
    });
    expect(serviceOf(spec, 'backend').build).toEqual({ context: 'backend', target: 'builder' });
    expect(serviceOf(spec, 'backend').image).toBe('default-backend');
    expect(serviceOf(spec, 'proxy').image).toBe('nginx');
  });
});

describe('dockersamples/example-voting-app', () => {
  const text = readFixture('dockersamples_example-voting-app__docker-compose.yml');
  const { spec, warnings } = parseOk(text, { fileName: 'example-voting-app/docker-compose.yml' });

  it('loads its 6 services (5 + the seed profile) without warnings', () => {
    expect(spec.services.map((s) => s.name)).toEqual(['vote', 'result', 'worker', 'redis', 'db', 'seed']);
    expect(spec.project).toBe('example-voting-app');
    expect(warnings).toEqual([]);
  });

  it('puts seed in the seed profile, depending on vote being healthy', () => {
    const seed = serviceOf(spec, 'seed');
    expect(seed.profiles).toEqual(['seed']);
    expect(seed.dependsOn).toEqual([
      { service: 'vote', condition: 'service_healthy', required: true, restart: false, via: 'depends_on' },
    ]);
    expect(seed.restartPolicy).toBe('no');
    expect(spec.services.filter((s) => s.profiles.length > 0).map((s) => s.name)).toEqual(['seed']);
  });

  it('reads every condition, despite the trailing spaces after service_healthy', () => {
    expect(edges(spec)).toEqual([
      'vote>redis:service_healthy',
      'result>db:service_healthy',
      'worker>redis:service_healthy',
      'worker>db:service_healthy',
      'seed>vote:service_healthy',
    ]);
  });

  it('names its four build-only images, from the long and the string build syntax', () => {
    const images = Object.fromEntries(spec.services.map((s) => [s.name, s.image]));
    expect(images).toEqual({
      vote: 'example-voting-app-vote',
      result: 'example-voting-app-result',
      worker: 'example-voting-app-worker',
      redis: 'redis:alpine',
      db: 'postgres:15-alpine',
      seed: 'example-voting-app-seed',
    });
    expect(serviceOf(spec, 'result').build).toEqual({ context: './result' });
    expect(serviceOf(spec, 'vote').build).toEqual({ context: './vote', target: 'dev' });
  });

  it('reads string healthcheck tests and quoted durations', () => {
    expect(serviceOf(spec, 'redis').healthcheck).toEqual({ test: '/healthchecks/redis.sh', intervalMs: 5000 });
    expect(serviceOf(spec, 'vote').healthcheck).toEqual({
      test: 'curl -f http://localhost',
      intervalMs: 15000,
      timeoutMs: 5000,
      retries: 3,
      startPeriodMs: 10000,
    });
    expect(spec.services.filter((s) => s.healthcheck).map((s) => s.name)).toEqual(['vote', 'redis', 'db']);
  });

  it('keeps the host IP of "127.0.0.1:9229:9229"', () => {
    expect(serviceOf(spec, 'result').ports).toEqual([
      { target: '80', published: '8081' },
      { target: '9229', published: '9229', hostIp: '127.0.0.1' },
    ]);
  });

  it('starts seed only when its profile is active', () => {
    expect(dependencyOrder(spec)).toEqual([['redis', 'db'], ['vote', 'result', 'worker']]);
    const withSeed = parseOk(text, { activeProfiles: ['seed'] });
    expect(withSeed.spec.activeProfiles).toEqual(['seed']);
    expect(withSeed.warnings).toEqual([]);
    expect(dependencyOrder(withSeed.spec)).toEqual([['redis', 'db'], ['vote', 'result', 'worker'], ['seed']]);
  });
});

describe('open-telemetry/opentelemetry-demo', () => {
  const text = readFixture('open-telemetry_opentelemetry-demo__compose.yml');
  const { spec, warnings } = parseOk(text, { fileName: 'opentelemetry-demo/compose.yaml' });

  it('loads its 20 services, resolving the x-default-logging anchor; without its .env, only unset variables are noted', () => {
    expect(spec.services.map((s) => s.name)).toEqual([
      'ad', 'cart', 'checkout', 'currency', 'email', 'frontend', 'frontend-proxy', 'image-provider',
      'load-generator', 'payment', 'product-catalog', 'quote', 'recommendation', 'shipping',
      'flagd', 'flagd-ui', 'telemetry-docs', 'astronomy-db', 'valkey-cart', 'otel-collector',
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^\d\d variables are not set \("IMAGE_NAME", "DEMO_VERSION", "[A-Z_]+", "[A-Z_]+", "[A-Z_]+" and \d+ more\): Compose would use blank strings; values using them are shown as written \(paste a \.env to set them\)$/,
    );
  });

  it('has 15 services with dependencies: 46 edges, 15 service_healthy and 31 service_started', () => {
    expect(spec.services.filter((s) => s.dependsOn.length > 0)).toHaveLength(15);
    const all = spec.services.flatMap((s) => s.dependsOn);
    expect(all).toHaveLength(46);
    expect(all.filter((d) => d.condition === 'service_healthy')).toHaveLength(15);
    expect(all.filter((d) => d.condition === 'service_started')).toHaveLength(31);
    expect(serviceOf(spec, 'frontend-proxy').dependsOn.map((d) => `${d.service}:${d.condition}`)).toEqual([
      'frontend:service_healthy',
      'flagd-ui:service_healthy',
      'telemetry-docs:service_healthy',
    ]);
  });

  it('has 17 healthchecks, exec-form arguments quoted for display', () => {
    expect(spec.services.filter((s) => s.healthcheck)).toHaveLength(17);
    expect(serviceOf(spec, 'frontend-proxy').healthcheck?.test).toBe(
      "bash -c 'echo > /dev/tcp/localhost/${ENVOY_PORT}'",
    );
    expect(serviceOf(spec, 'astronomy-db').healthcheck).toEqual({
      test: 'pg_isready',
      intervalMs: 5000,
      timeoutMs: 5000,
      startPeriodMs: 10000,
      retries: 10,
    });
  });

  it('keeps ${VAR} images, ports and environment values as written', () => {
    const ad = serviceOf(spec, 'ad');
    expect(ad.image).toBe('${IMAGE_NAME}:${DEMO_VERSION}-ad');
    expect(serviceOf(spec, 'flagd').image).toBe('${FLAGD_IMAGE}');
    expect(ad.ports).toEqual([{ target: '${AD_PORT}' }, { target: '${AD_PROMETHEUS_PORT}' }]);
    expect(serviceOf(spec, 'frontend-proxy').ports[0]).toEqual({ target: '${ENVOY_PORT}', published: '${ENVOY_PORT}' });
    expect(serviceOf(spec, 'astronomy-db').ports).toEqual([{ target: '${POSTGRES_PORT}' }]);
    expect(ad.environment.AD_PORT).toBeNull();
    expect(ad.environment.OTEL_SERVICE_NAME).toBe('ad');
    expect(ad.environment.OTEL_RESOURCE_ATTRIBUTES).toBe('${OTEL_RESOURCE_ATTRIBUTES},service.criticality=medium');
  });

  it('uses each container_name as the single container name', () => {
    for (const service of spec.services) {
      expect(containerNames(spec, service)).toEqual([service.name]);
    }
    expect(serviceOf(spec, 'flagd-ui').restartPolicy).toBe('always');
    expect(spec.networks).toEqual(['default']);
  });

  it('orders startup from the services that depend on nothing to load-generator', () => {
    const levels = dependencyOrder(spec);
    expect(levels[0]).toEqual(['flagd', 'telemetry-docs', 'astronomy-db', 'valkey-cart', 'otel-collector']);
    expect(levels[levels.length - 1]).toEqual(['load-generator']);
    const levelOf = new Map(levels.flatMap((names, i) => names.map((n) => [n, i] as const)));
    for (const service of spec.services) {
      for (const dependency of service.dependsOn) {
        expect(levelOf.get(dependency.service)).toBeLessThan(levelOf.get(service.name) ?? -1);
      }
    }
  });
});
