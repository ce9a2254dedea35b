/** Bad input: each rejection says exactly what and where, and nothing throws. */
import { describe, expect, it } from 'vitest';
import { parseCompose } from '../../../src/model/compose/parseCompose';
import { parseError, parseOk, serviceOf } from './helpers';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('YAML syntax errors carry line and column', () => {
  it('an unclosed quote points at the opening quote', () => {
    const error = parseError(yaml('services:', '  web:', '    image: "nginx', '    ports: []'));
    expect(error).toEqual({
      message:
        'YAML syntax error at line 3, column 12: Missing closing "quote (the string that starts here is still open at line 5, column 1)',
      line: 3,
      column: 12,
    });
  });

  it('bad indentation points at the misplaced key (yaml reports the start of its line; a fresh-user trial)', () => {
    const error = parseError(yaml('services:', '  web:', '    image: nginx', '   ports:', '      - 80'));
    expect(error).toEqual({
      message: 'YAML syntax error at line 4, column 4: All mapping items must start at the same column',
      line: 4,
      column: 4,
    });
  });

  it('a tab used as indentation', () => {
    const error = parseError('services:\n\tweb:\n    image: nginx\n');
    expect(error).toMatchObject({ line: 2, column: 1 });
    expect(error.message).toBe('YAML syntax error at line 2, column 1: Tabs are not allowed as indentation');
  });

  it('a duplicate key', () => {
    const error = parseError(yaml('services:', '  web:', '    image: a', '    image: b'));
    expect(error).toEqual({
      message: 'YAML syntax error at line 4, column 5: Map keys must be unique ("image" is repeated)',
      line: 4,
      column: 5,
    });
  });

  it('several documents in one file', () => {
    const error = parseError(yaml('services:', '  web:', '    image: a', '---', 'services: {}'));
    expect(error.message).toBe(
      'YAML syntax error at line 4, column 1: the file holds several YAML documents (separated by ---); only one is supported',
    );
  });

  it('an alias to an undefined anchor', () => {
    expect(parseError(yaml('services:', '  web: *nothing'))).toEqual({
      message: 'YAML alias *nothing at line 2, column 8 refers to an anchor that is not defined before it',
      line: 2,
      column: 8,
    });
  });
});

describe('the document must be a mapping with services', () => {
  it('rejects a list', () => {
    expect(parseError(yaml('- web', '- db'))).toEqual({
      message: 'Top-level object must be a mapping, got a list',
      line: 1,
      column: 1,
    });
  });

  it('rejects a scalar', () => {
    expect(parseError('hello\n').message).toBe('Top-level object must be a mapping, got "hello"');
    expect(parseError('42').message).toBe('Top-level object must be a mapping, got 42');
  });

  it('rejects an empty file, and one holding only comments', () => {
    const message = 'Compose file is empty: expected a mapping with a top-level "services" key';
    expect(parseError('')).toEqual({ message });
    expect(parseError('# nothing yet\n')).toEqual({ message });
  });

  it('rejects a file without services', () => {
    expect(parseError(yaml('name: shop', 'volumes:', '  data:'))).toEqual({
      message: 'services: missing; a compose file must define its services under a top-level "services" key',
      path: 'services',
      line: 1,
      column: 1,
    });
  });

  it('rejects empty services, written as {} or left empty', () => {
    const expected = { message: 'services: must define at least one service', path: 'services', line: 2, column: 1 };
    expect(parseError(yaml('name: shop', 'services: {}'))).toEqual(expected);
    expect(parseError(yaml('name: shop', 'services:'))).toEqual(expected);
  });

  it('rejects services written as a list', () => {
    expect(parseError(yaml('services:', '  - web'))).toEqual({
      message: 'services: expected a mapping of service names to service definitions, got a list',
      path: 'services',
      line: 2,
      column: 3,
    });
  });

  it('rejects a service with an empty definition', () => {
    expect(parseError(yaml('services:', '  web:')).message).toBe(
      'services.web: expected a service definition (a mapping), got null (an empty value)',
    );
  });

  it('rejects a service with neither image nor build', () => {
    expect(parseError(yaml('services:', '  db:', '    restart: always'))).toEqual({
      message: 'service "db" has neither an image nor a build context specified: invalid compose project',
      path: 'services.db',
      line: 2,
      column: 3,
    });
  });

  it('rejects the one name a JavaScript object cannot hold', () => {
    expect(parseError(yaml('services:', '  __proto__:', '    image: x')).message).toBe(
      'services: invalid service name "__proto__": this name is reserved here',
    );
  });

  it('rejects a service name with a space', () => {
    expect(parseError(yaml('services:', '  "my db":', '    image: postgres'))).toEqual({
      message: 'services: invalid service name "my db": only letters, digits, ".", "_" and "-" are allowed',
      path: 'services.my db',
      line: 2,
      column: 3,
    });
  });
});

describe('references to other services', () => {
  it('rejects depends_on an undefined service, in Compose words', () => {
    expect(parseError(yaml('services:', '  web:', '    image: nginx', '    depends_on:', '      - db'))).toEqual({
      message: 'service "web" depends on undefined service "db": invalid compose project',
      path: 'services.web.depends_on[0]',
      line: 5,
      column: 9,
    });
  });

  it('points at the key of a long-syntax dependency', () => {
    const error = parseError(
      yaml('services:', '  web:', '    image: nginx', '    depends_on:', '      db:', '        condition: service_healthy'),
    );
    expect(error).toMatchObject({ path: 'services.web.depends_on.db', line: 5, column: 7 });
  });

  it('rejects links, volumes_from and network_mode to undefined services', () => {
    expect(parseError(yaml('services:', '  a:', '    image: x', '    links: ["db:database"]'))).toMatchObject({
      message: 'service "a" depends on undefined service "db": invalid compose project',
      path: 'services.a.links[0]',
      line: 4,
      column: 13,
    });
    expect(parseError(yaml('services:', '  a:', '    image: x', '    volumes_from: [data:ro]'))).toMatchObject({
      message: 'service "a" depends on undefined service "data": invalid compose project',
      path: 'services.a.volumes_from[0]',
    });
    expect(parseError(yaml('services:', '  a:', '    image: x', '    network_mode: "service:vpn"'))).toMatchObject({
      message: 'service "a" depends on undefined service "vpn": invalid compose project',
      path: 'services.a.network_mode',
      line: 4,
      column: 19,
    });
  });

  it('only warns about an undefined service marked required: false, and drops the edge', () => {
    const { spec, warnings } = parseOk(
      yaml('services:', '  web:', '    image: nginx', '    depends_on:', '      cache:', '        condition: service_started', '        required: false'),
    );
    expect(serviceOf(spec, 'web').dependsOn).toEqual([]);
    expect(warnings).toEqual(['service "web" depends on undefined service "cache" (required: false): the dependency is ignored']);
  });

  it('rejects a 3-cycle, naming it as compose-go does', () => {
    const error = parseError(
      yaml(
        'services:',
        '  c:',
        '    image: x',
        '    depends_on: [a]',
        '  a:',
        '    image: x',
        '    depends_on: [b]',
        '  b:',
        '    image: x',
        '    depends_on: [c]',
      ),
    );
    expect(error).toEqual({
      message: 'dependency cycle detected: a -> b -> c -> a',
      path: 'services.a.depends_on[0]',
      line: 7,
      column: 18,
    });
  });

  it('rejects a service depending on itself', () => {
    expect(parseError(yaml('services:', '  a:', '    image: x', '    depends_on: [a]')).message).toBe(
      'dependency cycle detected: a -> a',
    );
  });

  it('finds a cycle made of links and depends_on', () => {
    const error = parseError(
      yaml('services:', '  a:', '    image: x', '    links: [b]', '  b:', '    image: x', '    depends_on: [a]'),
    );
    expect(error.message).toBe('dependency cycle detected: a -> b -> a');
  });
});

describe('schema errors name the path and the place', () => {
  it('depends_on as a list of maps', () => {
    const error = parseError(
      yaml(
        'services:',
        '  db:',
        '    image: postgres',
        '  web:',
        '    image: nginx',
        '    depends_on:',
        '      - db:',
        '          condition: service_healthy',
      ),
    );
    expect(error).toEqual({
      message: 'services.web.depends_on[0]: expected a service name (string), got a mapping',
      path: 'services.web.depends_on[0]',
      line: 7,
      column: 9,
    });
  });

  it('an unknown condition', () => {
    const error = parseError(
      yaml('services:', '  db:', '    image: postgres', '  web:', '    image: nginx', '    depends_on:', '      db:', '        condition: service_ready'),
    );
    expect(error).toEqual({
      message:
        'services.web.depends_on.db.condition: expected one of service_started, service_healthy, service_completed_successfully, got "service_ready"',
      path: 'services.web.depends_on.db.condition',
      line: 8,
      column: 20,
    });
  });

  it('a long-syntax dependency without its required condition', () => {
    const error = parseError(
      yaml('services:', '  db:', '    image: postgres', '  web:', '    image: nginx', '    depends_on:', '      db:', '        required: true'),
    );
    expect(error.message).toBe(
      'services.web.depends_on.db.condition: missing; expected one of service_started, service_healthy, service_completed_successfully',
    );
    expect(error).toMatchObject({ line: 8, column: 9 });
  });

  it('depends_on as a number', () => {
    expect(parseError(yaml('services:', '  web:', '    image: nginx', '    depends_on: 5')).message).toBe(
      'services.web.depends_on: expected a list of service names or a mapping of service name to {condition: ...}, got 5',
    );
  });

  it('an image that is not a string', () => {
    expect(parseError(yaml('services:', '  web:', '    image: [nginx]'))).toEqual({
      message: 'services.web.image: expected an image reference, got a list',
      path: 'services.web.image',
      line: 3,
      column: 12,
    });
  });

  it('a restart policy Docker does not know', () => {
    expect(parseError(yaml('services:', '  db:', '    image: postgres', '    restart: sometimes'))).toMatchObject({
      message:
        'services.db.restart: expected "no", "always", "unless-stopped", "on-failure" or "on-failure:N", got "sometimes"',
      line: 4,
      column: 14,
    });
  });

  it('a healthcheck test that does not start with CMD, CMD-SHELL or NONE', () => {
    const error = parseError(
      yaml('services:', '  db:', '    image: postgres', '    healthcheck:', '      test: ["curl", "-f", "x"]'),
    );
    expect(error).toEqual({
      message:
        'services.db.healthcheck.test[0]: healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE", got "curl"',
      path: 'services.db.healthcheck.test[0]',
      line: 5,
      column: 14,
    });
  });

  it('a duration without a unit, as a YAML number or a string', () => {
    const base = ['services:', '  db:', '    image: postgres', '    healthcheck:', '      test: pg_isready'];
    expect(parseError(yaml(...base, '      interval: 10'))).toEqual({
      message:
        'services.db.healthcheck.interval: expected a duration string with a unit, such as "10s", "1m30s" or "500ms", got 10',
      path: 'services.db.healthcheck.interval',
      line: 6,
      column: 17,
    });
    expect(parseError(yaml(...base, '      interval: "10"')).message).toBe(
      'services.db.healthcheck.interval: invalid duration "10": a unit is required, e.g. "10s" (Compose reads durations as Go durations; units ns, us, ms, s, m, h)',
    );
    expect(parseError(yaml(...base, '      timeout: 10 seconds')).message).toBe(
      'services.db.healthcheck.timeout: invalid duration "10 seconds": expected a number followed by a unit (ns, us, ms, s, m, h), e.g. "10s", "1m30s" or "500ms"',
    );
    expect(parseError(yaml(...base, '      retries: -1')).message).toBe(
      'services.db.healthcheck.retries: expected a whole number of retries, got -1',
    );
  });

  it('a malformed port', () => {
    expect(parseError(yaml('services:', '  db:', '    image: postgres', '    ports:', '      - "80a:80"'))).toEqual({
      message:
        'services.db.ports[0]: invalid port "80a:80": host port "80a" is not a port or range; expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]',
      path: 'services.db.ports[0]',
      line: 5,
      column: 9,
    });
  });

  it('an error inside a merged anchor points at the anchor', () => {
    const error = parseError(
      yaml('x-base: &base', '  image: 5', 'services:', '  web:', '    <<: *base', '    restart: always'),
    );
    expect(error).toEqual({
      message: 'services.web.image: expected an image reference, got 5',
      path: 'services.web.image',
      line: 2,
      column: 10,
    });
  });

  it('a network no top-level networks entry declares', () => {
    expect(parseError(yaml('services:', '  db:', '    image: postgres', '    networks: [back]'))).toEqual({
      message: 'service "db" refers to undefined network "back": invalid compose project',
      path: 'services.db.networks[0]',
      line: 4,
      column: 16,
    });
  });
});

describe('replicas', () => {
  it('rejects container_name with 3 replicas, in Compose words', () => {
    const error = parseError(
      yaml('services:', '  web:', '    image: nginx', '    container_name: web', '    deploy:', '      replicas: 3'),
    );
    expect(error).toEqual({
      message:
        'services.deploy.replicas: can\'t set container_name and web as container name must be unique: invalid compose project',
      path: 'services.web.container_name',
      line: 4,
      column: 21,
    });
  });

  it('rejects different scale and deploy.replicas', () => {
    const error = parseError(yaml('services:', '  web:', '    image: nginx', '    scale: 2', '    deploy:', '      replicas: 3'));
    expect(error.message).toBe('service "web": can\'t use both \'scale\' (deprecated) and \'deploy.replicas\'');
  });

  it('rejects more than 100 replicas of one service', () => {
    expect(parseError(yaml('services:', '  web:', '    image: nginx', '    deploy:', '      replicas: 1e9'))).toEqual({
      message: 'service "web" asks for 1000000000 replicas; this viewer shows at most 100 per service',
      path: 'services.web.deploy.replicas',
      line: 5,
      column: 17,
    });
    expect(parseError(yaml('services:', '  web:', '    image: nginx', '    scale: ${N:-500}')).path).toBe('services.web.scale');
  });

  it('rejects two services with the same container_name', () => {
    const error = parseError(
      yaml('services:', '  a:', '    image: x', '    container_name: box', '  b:', '    image: x', '    container_name: box'),
    );
    expect(error).toMatchObject({
      message: 'services "a" and "b" both set container_name "box": container names must be unique',
      line: 7,
      column: 21,
    });
  });
});

describe('limits', () => {
  it('rejects a file over the size limit before parsing it', () => {
    const big = `services:\n  web:\n    image: nginx\n# ${'x'.repeat(1_000_000)}\n`;
    expect(parseError(big)).toEqual({ message: `Compose file is too large: ${big.length} bytes (limit 1000000)` });
  });

  it('counts UTF-8 bytes and honours maxBytes', () => {
    const text = yaml('services:', '  web:', '    image: nginx', '# ééé');
    const bytes = Buffer.byteLength(text, 'utf8');
    expect(parseError(text, { maxBytes: bytes - 1 }).message).toBe(
      `Compose file is too large: ${bytes} bytes (limit ${bytes - 1})`,
    );
    expect(parseCompose(text, { maxBytes: bytes }).ok).toBe(true);
  });

  it('rejects an alias bomb (billion laughs) quickly', () => {
    const lines = ['x-lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const alias = `*${names[i - 1]}`;
      lines.push(`x-l${i}: &${names[i]} [${Array(9).fill(alias).join(',')}]`);
    }
    lines.push('services:', '  web:', '    image: nginx', '    x-bomb: *i');
    const error = parseError(yaml(...lines));
    // 9^9 lols: refused at the first list whose expansion crosses the limit (x-l5, 9^6 nodes).
    expect(error).toEqual({
      message:
        'YAML expands to more than 400000 nodes once its aliases are expanded (line 6, column 10), as an alias bomb ("billion laughs") does',
      line: 6,
      column: 10,
    });
  });

  it('accepts an expansion just under the limit and refuses one just over it (cost, not alias count)', () => {
    // x-big: 1 list of 999 items; each service merges it twice over through aliases.
    const block = `x-big: &big [${Array(999).fill('0').join(',')}]`;
    const services = (n: number) => Array.from({ length: n }, (_, i) => `  s${i}:\n    image: nginx\n    x-a: *big\n    x-b: *big`);
    expect(parseCompose(yaml(block, 'services:', ...services(190))).ok).toBe(true);
    expect(parseError(yaml(block, 'services:', ...services(210))).message).toMatch(
      /^YAML expands to more than 400000 nodes once its aliases are expanded \(line \d+, column \d+\)/,
    );
  });

  it('rejects 10 000 nested [ without overflowing the stack', () => {
    const error = parseError(`services: ${'['.repeat(10_000)}`);
    expect(error).toEqual({
      message: 'YAML nesting is too deep: more than 100 levels at line 1, column 112',
      line: 1,
      column: 112,
    });
  });

  it('rejects deep block nesting and deep flow mappings too', () => {
    expect(parseError(`services:\n  ${'- '.repeat(5_000)}x`).message).toMatch(/^YAML nesting is too deep: more than 100 levels/);
    expect(parseError(`services: ${'{a: '.repeat(5_000)}`).message).toMatch(/^YAML nesting is too deep/);
    const block = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(parseError(block).message).toMatch(/^YAML nesting is too deep/);
  });

  it('accepts 60 levels of nesting inside an extension field', () => {
    const text = yaml(`x-deep: ${'['.repeat(60)}${']'.repeat(60)}`, 'services:', '  web:', '    image: nginx');
    expect(parseCompose(text).ok).toBe(true);
  });

  it('reads 20 000 aliases in linear time (yaml toJS looked each one up among all: 16 s)', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `&a${i} 1, *a${i}`).join(', ');
    const text = yaml(`x-many: [${items}]`, 'services:', '  web:', '    image: nginx');
    expect(parseCompose(text).ok).toBe(true);
  }, 20_000);

  it('is not quadratic in the number of keys of a mapping (yaml uniqueKeys took 20 s here)', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `  k${i}: ${i}`).join('\n');
    expect(parseCompose(yaml('x-big:', keys, 'services:', '  web:', '    image: nginx')).ok).toBe(true);
  }, 20_000);

  it('rejects an alias that contains itself', () => {
    expect(parseError(yaml('x-loop: &loop [*loop]', 'services:', '  web:', '    image: nginx')).message).toBe(
      'YAML alias *loop at line 1, column 16 refers to a node that contains it (a recursive structure)',
    );
  });
});

describe('service names Compose allows', () => {
  it('accepts dashes, dots, underscores and leading digits', () => {
    const { spec } = parseOk(
      yaml(
        'services:',
        '  api-gateway:',
        '    image: a',
        '  cache.v2:',
        '    image: b',
        '  _worker_:',
        '    image: c',
        '  1st-service:',
        '    image: d',
        '    depends_on: [api-gateway, cache.v2, _worker_]',
        '  "2":',
        '    image: e',
      ),
    );
    expect(spec.services.map((s) => s.name).sort()).toEqual(['1st-service', '2', '_worker_', 'api-gateway', 'cache.v2']);
    expect(serviceOf(spec, '1st-service').dependsOn.map((d) => d.service)).toEqual(['api-gateway', 'cache.v2', '_worker_']);
  });
});
