/** How each service attribute becomes part of a ServiceSpec (compose-spec 05-services.md). */
import { describe, expect, it } from 'vitest';
import { INHERITED_HEALTHCHECK_TEST } from '../../../src/model/compose/healthcheck';
import { parsePortShort } from '../../../src/model/compose/ports';
import { parseRestart } from '../../../src/model/compose/restart';
import { containerNames } from '../../../src/model/compose/parseCompose';
import { parseError, parseOk, serviceOf } from './helpers';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;
/** One service `s` with the given extra lines (already indented by 4). */
const one = (...lines: string[]) => serviceOf(parseOk(yaml('services:', '  s:', ...lines)).spec, 's');

describe('defaults', () => {
  it('gives a bare service one replica, restart no, the default network and empty lists', () => {
    expect(one('    image: nginx')).toEqual({
      name: 's',
      image: 'nginx',
      replicas: 1,
      restartPolicy: 'no',
      dependsOn: [],
      profiles: [],
      ports: [],
      expose: [],
      networks: ['default'],
      environment: {},
    });
  });

  it('keeps image and build together, and defaults the build context to "."', () => {
    expect(one('    image: shop/web:2', '    build:', '      dockerfile: web.Dockerfile')).toMatchObject({
      image: 'shop/web:2',
      build: { context: '.', dockerfile: 'web.Dockerfile' },
    });
  });

  it('reads x-description for the UI', () => {
    expect(one('    image: nginx', '    x-description: Reverse proxy').description).toBe('Reverse proxy');
  });
});

describe('replicas', () => {
  it('takes deploy.replicas, else scale, else 1', () => {
    expect(one('    image: x', '    deploy:', '      replicas: 4').replicas).toBe(4);
    expect(one('    image: x', '    scale: 2').replicas).toBe(2);
    expect(one('    image: x', '    scale: 2', '    deploy:', '      replicas: 2').replicas).toBe(2);
    expect(one('    image: x', '    deploy:', '      resources: {limits: {memory: 50M}}').replicas).toBe(1);
  });

  it('allows 0 replicas (no containers) and container_name with 1 replica', () => {
    const { spec } = parseOk(
      yaml('services:', '  a:', '    image: x', '    deploy: {replicas: 0}', '  b:', '    image: x', '    container_name: bee', '    scale: 1'),
    );
    expect(containerNames(spec, serviceOf(spec, 'a'))).toEqual([]);
    expect(containerNames(spec, serviceOf(spec, 'b'))).toEqual(['bee']);
  });

  it('names replicas <project>-<service>-<n>', () => {
    const { spec } = parseOk(yaml('name: shop', 'services:', '  web:', '    image: x', '    deploy: {replicas: 2}'));
    expect(containerNames(spec, serviceOf(spec, 'web'))).toEqual(['shop-web-1', 'shop-web-2']);
  });

  it('rejects a fractional replica count', () => {
    expect(parseError(yaml('services:', '  s:', '    image: x', '    deploy: {replicas: 1.5}')).message).toBe(
      'services.s.deploy.replicas: expected a whole number of replicas, got 1.5',
    );
  });
});

describe('restart', () => {
  it('accepts every Docker restart policy', () => {
    for (const policy of ['no', 'always', 'unless-stopped', 'on-failure', 'on-failure:3']) {
      expect(one('    image: x', `    restart: "${policy}"`).restartPolicy).toBe(policy);
    }
  });

  it('parses the forms and nothing else', () => {
    expect(parseRestart(false)).toBe('no');
    expect(parseRestart('on-failure:07')).toBe('on-failure:7');
    expect(parseRestart('on-failure:')).toBeNull();
    expect(parseRestart(true)).toBeNull();
    expect(parseRestart('never')).toBeNull();
  });
});

describe('healthcheck', () => {
  const hc = (...lines: string[]) => one('    image: x', '    healthcheck:', ...lines).healthcheck;

  it('shows each test form as the probe command', () => {
    expect(hc('      test: curl -f http://localhost')?.test).toBe('curl -f http://localhost');
    expect(hc('      test: ["CMD", "pg_isready", "-U", "postgres"]')?.test).toBe('pg_isready -U postgres');
    expect(hc('      test: ["CMD-SHELL", "pg_isready || exit 1"]')?.test).toBe('pg_isready || exit 1');
    expect(hc('      test: ["CMD", "sh", "-c", "echo \'hi\'"]')?.test).toBe('sh -c "echo \'hi\'"');
  });

  it('has no healthcheck for ["NONE"] or disable: true', () => {
    expect(hc('      test: ["NONE"]')).toBeUndefined();
    expect(hc('      disable: true', '      test: ["CMD", "true"]')).toBeUndefined();
  });

  it('marks a healthcheck without a test as tuning the image HEALTHCHECK', () => {
    expect(hc('      interval: 2s', '      retries: 4')).toEqual({
      test: INHERITED_HEALTHCHECK_TEST,
      intervalMs: 2000,
      retries: 4,
    });
  });

  it('converts every duration to milliseconds', () => {
    expect(
      hc(
        '      test: ["CMD", "true"]',
        '      interval: 1m30s',
        '      timeout: 500ms',
        '      start_period: 2h',
        '      start_interval: 1.5s',
        '      retries: 0',
      ),
    ).toEqual({ test: 'true', intervalMs: 90000, timeoutMs: 500, startPeriodMs: 7_200_000, startIntervalMs: 1500, retries: 0 });
  });

  it('rejects a negative duration', () => {
    expect(
      parseError(yaml('services:', '  s:', '    image: x', '    healthcheck:', '      interval: -5s')).message,
    ).toBe('services.s.healthcheck.interval: invalid duration "-5s": must not be negative');
  });
});

describe('depends_on and the other edges', () => {
  const services = (...lines: string[]) =>
    parseOk(yaml('services:', '  db:', '    image: postgres', '  vpn:', '    image: vpn', ...lines)).spec;

  it('reads required and restart of the long syntax', () => {
    const spec = services(
      '  web:',
      '    image: x',
      '    depends_on:',
      '      db:',
      '        condition: service_completed_successfully',
      '        required: false',
      '        restart: true',
    );
    expect(serviceOf(spec, 'web').dependsOn).toEqual([
      { service: 'db', condition: 'service_completed_successfully', required: false, restart: true, via: 'depends_on' },
    ]);
  });

  it('adds links, network_mode and volumes_from edges as compose-go normalize does', () => {
    const spec = services(
      '  web:',
      '    image: x',
      '    links: ["db:database"]',
      '    network_mode: service:vpn',
      '    volumes_from: ["db:ro", "container:legacy"]',
    );
    const web = serviceOf(spec, 'web');
    expect(web.dependsOn).toEqual([
      { service: 'db', condition: 'service_started', required: true, restart: true, via: 'links' },
      { service: 'vpn', condition: 'service_started', required: true, restart: true, via: 'network_mode' },
    ]);
    expect(web.networks).toEqual([]);
  });

  it('lets depends_on win over an implicit edge to the same service', () => {
    const spec = services(
      '  web:',
      '    image: x',
      '    volumes_from: [db]',
      '    depends_on:',
      '      db: {condition: service_healthy}',
    );
    expect(serviceOf(spec, 'web').dependsOn).toEqual([
      { service: 'db', condition: 'service_healthy', required: true, restart: false, via: 'depends_on' },
    ]);
  });

  it('records volumes_from edges with restart false', () => {
    const spec = services('  web:', '    image: x', '    volumes_from: [db]');
    expect(serviceOf(spec, 'web').dependsOn).toEqual([
      { service: 'db', condition: 'service_started', required: true, restart: false, via: 'volumes_from' },
    ]);
  });

  it('lists each dependency once', () => {
    const spec = services('  web:', '    image: x', '    depends_on: [db, db]', '    links: [db]');
    expect(serviceOf(spec, 'web').dependsOn.map((d) => d.service)).toEqual(['db']);
  });
});

describe('profiles', () => {
  it('must be a list of names', () => {
    expect(parseError(yaml('services:', '  s:', '    image: x', '    profiles: debug')).message).toBe(
      'services.s.profiles: expected a list of profile names, got "debug"',
    );
    expect(parseError(yaml('services:', '  s:', '    image: x', '    profiles: [1]')).message).toBe(
      'services.s.profiles[0]: expected a profile name, got 1',
    );
  });

  it('warns when an active service depends on one outside the active profiles', () => {
    const text = yaml(
      'services:',
      '  api:',
      '    image: x',
      '    depends_on: [debug]',
      '  debug:',
      '    image: y',
      '    profiles: [dev, debug]',
    );
    expect(parseOk(text).warnings).toEqual([
      'service "api" depends on service "debug", which is not in an active profile (profiles: dev, debug): ' +
        '"debug" will not be started, and docker compose would refuse the project (service "api" depends on undefined service "debug")',
    ]);
    expect(parseOk(text, { activeProfiles: ['dev'] }).warnings).toEqual([]);
    expect(parseOk(text, { activeProfiles: ['*'] }).warnings).toEqual([]);
  });
});

describe('ports, expose, networks, environment', () => {
  it('reads every short port form', () => {
    expect(parsePortShort(80)).toEqual({ target: '80' });
    expect(parsePortShort('8080:80')).toEqual({ target: '80', published: '8080' });
    expect(parsePortShort('8080:80/udp')).toEqual({ target: '80', published: '8080', protocol: 'udp' });
    expect(parsePortShort('127.0.0.1:9229:9229')).toEqual({ target: '9229', published: '9229', hostIp: '127.0.0.1' });
    expect(parsePortShort('127.0.0.1::80')).toEqual({ target: '80', hostIp: '127.0.0.1' });
    expect(parsePortShort('[::1]:8080:80')).toEqual({ target: '80', published: '8080', hostIp: '::1' });
    expect(parsePortShort('::1:8080:80')).toEqual({ target: '80', published: '8080', hostIp: '::1' });
    expect(parsePortShort('3000-3005')).toEqual({ target: '3000-3005' });
    expect(parsePortShort('9090-9091:8080-8081')).toEqual({ target: '8080-8081', published: '9090-9091' });
    expect(parsePortShort('${PORT:-8080}:80')).toEqual({ target: '80', published: '${PORT:-8080}' });
  });

  it('rejects malformed short ports', () => {
    expect(parsePortShort('80/ftp')).toEqual({
      error: 'invalid port "80/ftp": unknown protocol "ftp" (tcp, udp or sctp); expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]',
    });
    expect(parsePortShort('70000')).toHaveProperty('error');
    expect(parsePortShort('90-80')).toHaveProperty('error');
    expect(parsePortShort(':80')).toHaveProperty('error');
    expect(parsePortShort('')).toHaveProperty('error');
  });

  it('reads the long port syntax', () => {
    expect(
      one(
        '    image: x',
        '    ports:',
        '      - target: 80',
        '        published: "8080"',
        '        host_ip: 127.0.0.1',
        '        protocol: tcp',
        '        mode: host',
        '      - target: 443',
      ).ports,
    ).toEqual([{ target: '80', published: '8080', hostIp: '127.0.0.1', protocol: 'tcp' }, { target: '443' }]);
    expect(parseError(yaml('services:', '  s:', '    image: x', '    ports:', '      - published: 80')).message).toBe(
      'services.s.ports[0].target: missing; expected a container port',
    );
  });

  it('reads expose as strings and networks as a list or a mapping', () => {
    const { spec } = parseOk(
      yaml(
        'services:',
        '  s:',
        '    image: x',
        '    expose: [3000, "4000-4005/udp"]',
        '    networks:',
        '      front:',
        '      back:',
        '        aliases: [api]',
        '  h:',
        '    image: x',
        '    network_mode: host',
        'networks:',
        '  front:',
        '  back:',
      ),
    );
    expect(serviceOf(spec, 's').expose).toEqual(['3000', '4000-4005/udp']);
    expect(serviceOf(spec, 's').networks).toEqual(['front', 'back']);
    expect(serviceOf(spec, 'h').networks).toEqual([]);
    expect(spec.networks).toEqual(['front', 'back']);
  });

  it('normalises environment lists and mappings', () => {
    expect(one('    image: x', '    environment: ["A=1", "B", "C=", "D=x=y"]').environment).toEqual({
      A: '1',
      B: null,
      C: '',
      D: 'x=y',
    });
    expect(one('    image: x', '    environment: {A: 1, B: true, C: null, D: text}').environment).toEqual({
      A: '1',
      B: 'true',
      C: null,
      D: 'text',
    });
  });
});
