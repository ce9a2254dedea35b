/** YAML features Compose files rely on: anchors, aliases, merge keys, extension fields, interpolation. */
import { describe, expect, it } from 'vitest';
import { parseOk, serviceOf } from './helpers';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('merge keys', () => {
  it('<<: *a copies the anchor, and local keys win', () => {
    const { spec } = parseOk(
      yaml(
        'x-service: &service',
        '  image: shop/base:1',
        '  restart: always',
        '  environment:',
        '    LOG_LEVEL: info',
        'services:',
        '  web:',
        '    <<: *service',
        '    restart: on-failure',
      ),
    );
    const web = serviceOf(spec, 'web');
    expect(web.image).toBe('shop/base:1');
    expect(web.restartPolicy).toBe('on-failure');
    expect(web.environment).toEqual({ LOG_LEVEL: 'info' });
  });

  it('<<: [*a, *b] merges both: local keys first, then earlier merges over later ones', () => {
    const { spec } = parseOk(
      yaml(
        'x-a: &a',
        '  image: from-a',
        '  restart: always',
        '  container_name: from-a',
        'x-b: &b',
        '  image: from-b',
        '  restart: unless-stopped',
        '  container_name: from-b',
        '  x-description: only in b',
        'services:',
        '  web:',
        '    <<: [*a, *b]',
        '    container_name: local',
      ),
    );
    const web = serviceOf(spec, 'web');
    expect(web.image).toBe('from-a');
    expect(web.restartPolicy).toBe('always');
    expect(web.containerName).toBe('local');
    expect(web.description).toBe('only in b');
  });

  it('merges nested mappings by reference, not deeply (YAML merge is shallow)', () => {
    const { spec } = parseOk(
      yaml(
        'x-health: &health',
        '  healthcheck:',
        '    test: ["CMD", "true"]',
        '    interval: 5s',
        'services:',
        '  a:',
        '    <<: *health',
        '    image: x',
        '  b:',
        '    <<: *health',
        '    image: y',
        '    healthcheck:',
        '      test: ["CMD", "false"]',
      ),
    );
    expect(serviceOf(spec, 'a').healthcheck).toEqual({ test: 'true', intervalMs: 5000 });
    expect(serviceOf(spec, 'b').healthcheck).toEqual({ test: 'false' });
  });

  it('resolves aliases used as values, like logging: *logging', () => {
    const { spec, warnings } = parseOk(
      yaml(
        'x-default-logging: &logging',
        '  driver: json-file',
        '  options:',
        '    max-size: 5m',
        'x-env: &env',
        '  - A=1',
        '  - B',
        'services:',
        '  a:',
        '    image: x',
        '    logging: *logging',
        '    environment: *env',
      ),
    );
    expect(serviceOf(spec, 'a').environment).toEqual({ A: '1', B: null });
    expect(warnings).toEqual([]);
  });
});

describe('extension fields and unknown keys', () => {
  it('ignores x-* at the top level and inside services, and keys Compose has but we do not use', () => {
    const { spec, warnings } = parseOk(
      yaml(
        'x-anything: {a: [1, 2]}',
        'services:',
        '  web:',
        '    image: nginx',
        '    x-team: storefront',
        '    command: ["nginx", "-g", "daemon off;"]',
        '    volumes: ["./site:/usr/share/nginx/html:ro"]',
        '    labels: {tier: web}',
        '    stop_grace_period: 1m',
        'secrets:',
        '  token:',
        '    file: token.txt',
      ),
    );
    expect(spec.services.map((s) => s.name)).toEqual(['web']);
    expect(warnings).toEqual([]);
  });

  it('warns about version, include, extends and unknown top-level keys', () => {
    const { warnings } = parseOk(
      yaml(
        'version: "3.8"',
        'include: [other.yaml]',
        'servces: {}',
        'services:',
        '  web:',
        '    image: nginx',
        '    extends: {file: base.yaml, service: web}',
      ),
    );
    expect(warnings).toEqual([
      'version: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion',
      'include: included compose files are not loaded here; only this file is shown',
      'servces: unknown top-level key, ignored (expected services, networks, volumes, secrets, configs, name or x-*)',
      'services.web.extends: not supported here; "web" is loaded without the configuration it extends',
    ]);
  });
});

describe('YAML 1.2 scalars', () => {
  it('reads restart: no as the string "no", and accepts false as "no"', () => {
    const { spec } = parseOk(
      yaml('services:', '  a:', '    image: x', '    restart: no', '  b:', '    image: x', '    restart: false'),
    );
    expect(serviceOf(spec, 'a').restartPolicy).toBe('no');
    expect(serviceOf(spec, 'b').restartPolicy).toBe('no');
  });

  it('reads 8080:80 as a string (YAML 1.1 would read a base-60 number)', () => {
    const { spec } = parseOk(yaml('services:', '  a:', '    image: x', '    ports:', '      - 22:22', '      - 8080:80'));
    expect(serviceOf(spec, 'a').ports).toEqual([
      { target: '22', published: '22' },
      { target: '80', published: '8080' },
    ]);
  });
});

describe('interpolation is kept as written', () => {
  it('keeps ${VAR}, ${VAR:-default}, ${VAR:?err}, $VAR and $$ in images, ports and environment', () => {
    const { spec, warnings } = parseOk(
      yaml(
        'services:',
        '  web:',
        '    image: ${REGISTRY:-docker.io}/shop/web:${TAG:?set TAG}',
        '    ports:',
        '      - "${WEB_PORT:-8080}:80"',
        '      - "${BIND_IP}:${ADMIN_PORT}:9000/udp"',
        '      - $METRICS_PORT',
        '    environment:',
        '      PRICE: $$5',
        '      HOME_DIR: $HOME',
        '      URL: http://${HOST-localhost}:${PORT}',
      ),
    );
    const web = serviceOf(spec, 'web');
    expect(web.image).toBe('${REGISTRY:-docker.io}/shop/web:${TAG:?set TAG}');
    expect(web.ports).toEqual([
      { target: '80', published: '${WEB_PORT:-8080}' },
      { target: '9000', published: '${ADMIN_PORT}', hostIp: '${BIND_IP}', protocol: 'udp' },
      { target: '$METRICS_PORT' },
    ]);
    expect(web.environment).toEqual({ PRICE: '$$5', HOME_DIR: '$HOME', URL: 'http://${HOST-localhost}:${PORT}' });
    expect(warnings).toEqual([]);
  });

  it('uses the ${VAR:-default} default where a value is needed, and warns when there is none', () => {
    const { spec, warnings } = parseOk(
      yaml(
        'services:',
        '  a:',
        '    image: x',
        '    restart: ${RESTART:-always}',
        '    deploy:',
        '      replicas: ${REPLICAS:-2}',
        '    healthcheck:',
        '      test: ["CMD", "true"]',
        '      interval: ${HC_INTERVAL:-1m30s}',
        '      retries: ${HC_RETRIES}',
        '  b:',
        '    image: x',
        '    scale: ${B_SCALE}',
        '    restart: ${B_RESTART}',
      ),
    );
    expect(serviceOf(spec, 'a')).toMatchObject({
      restartPolicy: 'always',
      replicas: 2,
      healthcheck: { test: 'true', intervalMs: 90000, retries: 3 },
    });
    expect(serviceOf(spec, 'b')).toMatchObject({ replicas: 1, restartPolicy: 'no' });
    expect(warnings).toEqual([
      'services.a.healthcheck.retries: "${HC_RETRIES}" uses a variable, which is not resolved here; using 3',
      'services.b.scale: "${B_SCALE}" uses a variable, which is not resolved here; using 1',
      'services.b.restart: "${B_RESTART}" uses a variable, which is not resolved here; using "no"',
    ]);
  });

  it('takes an interpolated project name from its default', () => {
    const { spec, warnings } = parseOk(yaml('name: ${PROJECT:-Shop}', 'services:', '  a:', '    build: .'));
    expect(spec.project).toBe('shop');
    expect(serviceOf(spec, 'a').image).toBe('shop-a');
    expect(warnings).toEqual(['name: "${PROJECT:-Shop}" uses a variable, which is not resolved here; using "shop"']);
  });
});
