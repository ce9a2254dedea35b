/** YAML features Compose files rely on: anchors, aliases, merge keys, extension fields, interpolation. */
import { describe, expect, it } from 'vitest';
import { parseError, parseOk, serviceOf } from './helpers';

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
      'include other.yaml: that file was not given, so its services are missing here (open it together with the file that includes it)',
      'services.web.extends: base.yaml was not given, so "web" lacks what it extends from "web" there (open the files together)',
      'version: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion',
      'servces: unknown top-level key, ignored (expected services, networks, volumes, secrets, configs, name or x-*)',
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

describe('interpolation (compose-go template.go)', () => {
  const env = (vars: Record<string, string>) => new Map(Object.entries(vars));

  it('applies defaults when there is no environment: ${VAR:-d}, ${VAR-d}, nested defaults, ${VAR:+alt}, $$', () => {
    const { spec, warnings } = parseOk(
      yaml(
        'services:',
        '  web:',
        '    image: ${REGISTRY:-docker.io}/shop/web:${TAG-1.0}',
        '    ports:',
        '      - "${WEB_PORT:-${PORT:-8080}}:80"',
        '    environment:',
        '      PRICE: $$5',
        '      DEBUG: "${DEBUG:+on}"',
        '      URL: http://${HOST-localhost}:${API_PORT:-3000}/x',
      ),
    );
    const web = serviceOf(spec, 'web');
    expect(web.image).toBe('docker.io/shop/web:1.0');
    expect(web.ports).toEqual([{ target: '80', published: '8080' }]);
    expect(web.environment).toEqual({ PRICE: '$5', DEBUG: '', URL: 'http://localhost:3000/x' });
    expect(warnings).toEqual([]);
  });

  it('uses the environment: set, empty and unset differ as in Compose', () => {
    const text = yaml(
      'services:',
      '  web:',
      '    image: app:${TAG:-latest}',
      '    environment:',
      '      A: "${EMPTY:-colon-dash}"',
      '      B: "${EMPTY-dash}"',
      '      C: "${SET:+alt}"',
      '      D: "${EMPTY:+alt}"',
      '      E: "${EMPTY+alt}"',
      '      F: $SET/$EMPTY/end',
    );
    const { spec } = parseOk(text, { env: env({ TAG: '2.1', EMPTY: '', SET: 'v' }) });
    const web = serviceOf(spec, 'web');
    expect(web.image).toBe('app:2.1');
    expect(web.environment).toEqual({ A: 'colon-dash', B: '', C: 'alt', D: '', E: 'alt', F: 'v//end' });
  });

  it("refuses a missing required variable with Compose's error, at its line and column", () => {
    const text = yaml('services:', '  web:', '    image: shop/web:${TAG:?set TAG first}');
    expect(parseError(text)).toEqual({
      message: 'error while interpolating services.web.image: required variable TAG is missing a value: set TAG first',
      path: 'services.web.image',
      line: 3,
      column: 12,
    });
    expect(parseError(text, { env: env({ TAG: '' }) }).message).toMatch(/required variable TAG is missing a value/);
    expect(parseOk(yaml('services:', '  web:', '    image: web:${TAG?x}'), { env: env({ TAG: '' }) }).spec.services[0]!.image).toBe('web:');
  });

  it('refuses an invalid ${…} with Compose\'s advice to escape $', () => {
    expect(parseError(yaml('services:', '  web:', '    image: "web:${ }"')).message).toBe(
      'invalid interpolation format for services.web.image: "web:${ }". You may need to escape any $ with another $.',
    );
  });

  it('keeps a value whose variable is unset without default as written, or blanks it as Compose does', () => {
    const text = yaml('services:', '  web:', '    image: ${IMAGE}:${TAG:-1}', '    environment:', '      HOME_DIR: $HOME');
    const kept = parseOk(text);
    expect(serviceOf(kept.spec, 'web').image).toBe('${IMAGE}:${TAG:-1}');
    expect(serviceOf(kept.spec, 'web').environment).toEqual({ HOME_DIR: '$HOME' });
    expect(kept.warnings).toEqual([
      '2 variables are not set ("IMAGE", "HOME"): Compose would use blank strings; values using them are shown as written (paste a .env to set them)',
    ]);
    const blank = parseOk(text, { unsetVariables: 'blank' });
    expect(serviceOf(blank.spec, 'web').image).toBe(':1');
    expect(blank.warnings).toContain('The "IMAGE" variable is not set. Defaulting to a blank string.');
  });

  it('lists the variables each service uses, with where their value came from', () => {
    const result = parseOk(
      yaml(
        'x-common: &common',
        '  image: ${REGISTRY:-docker.io}/app:${TAG}',
        'services:',
        '  web:',
        '    <<: *common',
        '    environment: ["MODE=${MODE:-prod}"]',
        '  db:',
        '    image: postgres',
      ),
      { env: env({ TAG: '3' }) },
    );
    expect(result.variables).toEqual({
      web: [
        { name: 'MODE', value: 'prod', source: 'default' },
        { name: 'REGISTRY', value: 'docker.io', source: 'default' },
        { name: 'TAG', value: '3', source: 'environment' },
      ],
    });
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
    expect(warnings.slice(1)).toEqual([
      'services.a.healthcheck.retries: "${HC_RETRIES}" uses a variable, which is not resolved here; using 3',
      'services.b.scale: "${B_SCALE}" uses a variable, which is not resolved here; using 1',
      'services.b.restart: "${B_RESTART}" uses a variable, which is not resolved here; using "no"',
    ]);
  });

  it('takes an interpolated project name from its default', () => {
    const { spec, warnings } = parseOk(yaml('name: ${PROJECT:-Shop}', 'services:', '  a:', '    build: .'));
    expect(spec.project).toBe('shop');
    expect(serviceOf(spec, 'a').image).toBe('shop-a');
    // Interpolated first ("Shop"), then normalised with Compose's complaint about the name.
    expect(warnings).toEqual([
      'name: "Shop" is not a valid project name (it must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number); Compose normalises it to "shop"',
    ]);
  });
});
