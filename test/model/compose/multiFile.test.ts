/**
 * Several files as `docker compose -f a -f b`, `include:` and `extends:`, with the
 * Compose specification's merge rules (compose-spec 13-merge.md, compose-go
 * override/merge.go): the expected values are what `docker compose config` prints.
 */
import { describe, expect, it } from 'vitest';
import { parseComposeFiles, type ComposeSource } from '../../../src/model/compose/parseCompose';
import { mergeYaml, enforceUnicity } from '../../../src/model/compose/overrideMerge';
import { serviceOf } from './helpers';

const file = (name: string, ...lines: string[]): ComposeSource => ({ name, text: `${lines.join('\n')}\n` });

const ok = (files: ComposeSource[], related: ComposeSource[] = []) => {
  const result = parseComposeFiles(files, { related });
  if (!result.ok) throw new Error(`expected the project to load, got: ${JSON.stringify(result.error)}`);
  return result;
};

const fail = (files: ComposeSource[], related: ComposeSource[] = []) => {
  const result = parseComposeFiles(files, { related });
  if (result.ok) throw new Error('expected the project to be refused');
  return result.error;
};

describe('merge rules (compose-spec 13-merge.md)', () => {
  it('mappings merge, scalars are replaced, sequences appended, command replaced', () => {
    const merged = mergeYaml(
      { services: { web: { image: 'a:1', command: ['run', 'a'], ports: ['80:80'], labels: { x: '1' } } } },
      { services: { web: { image: 'a:2', command: ['run', 'b'], ports: ['443:443'], labels: { y: '2' } } } },
      [],
    );
    expect(merged).toEqual({
      services: { web: { image: 'a:2', command: ['run', 'b'], ports: ['80:80', '443:443'], labels: ['x=1', 'y=2'] } },
    });
  });

  it('depends_on lists become mappings with service_started; environment merges by key (last wins, first place)', () => {
    const merged = enforceUnicity(
      mergeYaml(
        { services: { web: { depends_on: ['db'], environment: ['A=1', 'B=2'] } } },
        { services: { web: { depends_on: { cache: { condition: 'service_healthy' } }, environment: { A: '3' } } } },
        [],
      ) as Record<string, unknown>,
    );
    expect(merged).toEqual({
      services: {
        web: {
          depends_on: { db: { condition: 'service_started', required: true }, cache: { condition: 'service_healthy' } },
          environment: ['A=3', 'B=2'],
        },
      },
    });
  });

  it('refuses to merge a mapping with a list, in Compose words', () => {
    expect(() => mergeYaml({ services: { web: { deploy: {} } } }, { services: { web: { deploy: ['x'] } } }, [])).toThrow(
      'cannot override services.web.deploy',
    );
  });
});

describe('several -f files', () => {
  const base = file(
    'compose.yaml',
    'services:',
    '  web:',
    '    image: shop/web:1',
    '    ports: ["8080:80"]',
    '    depends_on: [api]',
    '  api:',
    '    image: shop/api:1',
  );
  const prod = file(
    'compose.prod.yaml',
    'services:',
    '  web:',
    '    image: shop/web:2',
    '    ports: ["8080:80", "8443:443"]',
    '    restart: always',
    '  worker:',
    '    image: shop/worker:2',
    '    depends_on:',
    '      api: {condition: service_healthy}',
  );

  it('later files override earlier ones, in order, and add services', () => {
    const { spec } = ok([base, prod]);
    expect(spec.services.map((s) => s.name)).toEqual(['web', 'api', 'worker']);
    const web = serviceOf(spec, 'web');
    expect(web.image).toBe('shop/web:2');
    expect(web.restartPolicy).toBe('always');
    expect(web.ports).toEqual([{ target: '80', published: '8080' }, { target: '443', published: '8443' }]);
    expect(web.dependsOn.map((d) => d.service)).toEqual(['api']);
    // the project is named after the first file's folder or name, as -f does
    expect(spec.project).toBe('default');
  });

  it('the order matters: the last file wins', () => {
    expect(serviceOf(ok([prod, base]).spec, 'web').image).toBe('shop/web:1');
  });

  it('an error names the file and the line where it is written', () => {
    const bad = file('compose.override.yaml', 'services:', '  web:', '    restart: sometimes');
    expect(fail([base, bad])).toMatchObject({ file: 'compose.override.yaml', path: 'services.web.restart', line: 3 });
  });
});

describe('extends', () => {
  it('extends a service of the same file: the base is merged under the service', () => {
    const { spec } = ok([
      file(
        'compose.yaml',
        'services:',
        '  base:',
        '    image: shop/base:1',
        '    environment: {MODE: prod, LEVEL: info}',
        '    restart: always',
        '  web:',
        '    extends: base',
        '    environment: {LEVEL: debug}',
      ),
    ]);
    const web = serviceOf(spec, 'web');
    expect(web.image).toBe('shop/base:1');
    expect(web.restartPolicy).toBe('always');
    expect(web.environment).toEqual({ LEVEL: 'debug', MODE: 'prod' });
  });

  it('extends a service of another file, relative to the declaring file', () => {
    const app = file('app/compose.yaml', 'services:', '  web:', '    extends: {file: ../common/base.yml, service: webapp}', '    ports: ["80"]');
    const common = file('common/base.yml', 'services:', '  webapp:', '    image: shop/webapp:3', '    healthcheck:', '      test: ["CMD", "true"]');
    const web = serviceOf(ok([app], [common]).spec, 'web');
    expect(web.image).toBe('shop/webapp:3');
    expect(web.healthcheck?.test).toBe('true');
    // a file picker gives names without folders: matched by name
    expect(serviceOf(ok([file('compose.yaml', ...app.text.split('\n'))], [file('base.yml', ...common.text.split('\n'))]).spec, 'web').image).toBe(
      'shop/webapp:3',
    );
  });

  it('a file that was not given: the service is a placeholder that says so, not dropped', () => {
    const app = file('compose.yaml', 'services:', '  web:', '    extends: {file: base.yml, service: webapp}', '  db:', '    image: postgres');
    const { spec, unresolved, warnings } = ok([app]);
    const web = serviceOf(spec, 'web');
    expect(web).toMatchObject({ image: '(unresolved)', replicas: 0, description: 'unresolved: extends webapp in base.yml, which was not given' });
    expect(unresolved).toEqual([{ kind: 'extends', from: 'compose.yaml', path: 'base.yml', service: 'web', base: 'webapp' }]);
    expect(warnings).toContain('services.web: drawn as a placeholder: it extends webapp in base.yml, which was not given');
  });

  it("refuses a missing service and a cycle with Compose's messages", () => {
    expect(fail([file('c.yml', 'services:', '  web:', '    extends: nothing')]).message).toBe(
      'cannot extend service "web" in c.yml: service "nothing" not found',
    );
    expect(fail([file('c.yml', 'services:', '  a:', '    extends: b', '  b:', '    extends: a')]).message).toBe(
      'Circular reference:\n  a in c.yml\n  extends b in c.yml\n  extends a in c.yml',
    );
  });
});

describe('include', () => {
  const main = file('compose.yaml', 'include:', '  - ./db/compose.yaml', 'services:', '  web:', '    image: shop/web', '    depends_on: [db]');
  const db = file('db/compose.yaml', 'services:', '  db:', '    image: postgres:16', '    healthcheck: {test: ["CMD", "pg_isready"]}');

  it('imports the services of an included file, resolved relative to the including file', () => {
    const { spec } = ok([main], [db]);
    expect(spec.services.map((s) => s.name).sort()).toEqual(['db', 'web']);
    expect(serviceOf(spec, 'db').image).toBe('postgres:16');
  });

  it('an included file that was not given: what depends on it gets a placeholder', () => {
    const { spec, unresolved } = ok([main]);
    expect(serviceOf(spec, 'db')).toMatchObject({ image: '(unresolved)', replicas: 0 });
    expect(serviceOf(spec, 'db').description).toMatch(/^unresolved: not defined in the files given; probably in \.\/db\/compose\.yaml/);
    expect(unresolved).toEqual([{ kind: 'include', from: 'compose.yaml', path: './db/compose.yaml' }]);
  });

  it('refuses an include cycle', () => {
    const a = file('a.yml', 'include: [b.yml]', 'services:', '  a:', '    image: a');
    const b = file('b.yml', 'include: [a.yml]', 'services:', '  b:', '    image: b');
    expect(fail([a], [b]).message).toMatch(/^include cycle detected/);
  });
});
