/**
 * Projects of several files through the compose controller: the picker/drop (any order,
 * sorted into `-f` files and referenced ones), `?compose=A&compose=B` (in that order,
 * with the files they include fetched relative to them), and a pasted `.env`.
 */
import { describe, expect, it } from 'vitest';
import { createComposeController, type ComposeControllerOptions } from '../../../src/features/compose/composeController';
import type { SessionSource } from '../../../src/model/session/sessionSource';

const BASE = 'https://example.test/app/';

function setup(files: Record<string, string> = {}) {
  const loads: SessionSource[] = [];
  const fetched: string[] = [];
  const fetchFn: ComposeControllerOptions['fetch'] = async (url) => {
    fetched.push(url);
    const body = files[url];
    return {
      ok: body !== undefined,
      status: body !== undefined ? 200 : 404,
      statusText: body !== undefined ? 'OK' : 'Not Found',
      headers: new Headers(),
      text: async () => body ?? 'not found',
    };
  };
  const controller = createComposeController({ load: (s) => loads.push(s) }, { fetch: fetchFn, baseUrl: () => BASE });
  const spec = () => {
    const last = loads.at(-1);
    if (last?.kind !== 'spec') throw new Error('nothing loaded');
    return last.spec;
  };
  return { controller, loads, fetched, spec };
}

const file = (name: string, text: string) => ({ name, size: new TextEncoder().encode(text).length, text: async () => text });

const BASE_FILE = 'services:\n  web:\n    image: shop/web:${TAG:-1}\n    depends_on: [api]\n  api:\n    image: shop/api:1\n';
const OVERLAY = 'services:\n  web:\n    restart: always\n  worker:\n    image: shop/worker:1\n';

describe('several compose files', () => {
  it('files picked together load as one project: the base first, whatever the picker order', async () => {
    const { controller, spec } = setup();
    // A picker sorts by name: compose.prod.yaml comes before compose.yaml.
    expect(await controller.loadFiles([file('compose.prod.yaml', OVERLAY), file('compose.yaml', BASE_FILE)])).toBeNull();
    expect(spec().services.map((s) => s.name)).toEqual(['web', 'api', 'worker']);
    expect(spec().services[0]).toMatchObject({ image: 'shop/web:1', restartPolicy: 'always' });
    expect(controller.get().document?.files.map((f) => f.name)).toEqual(['compose.yaml', 'compose.prod.yaml']);
  });

  it('a file another one extends is referenced, not merged as -f', async () => {
    const { controller, spec } = setup();
    const app = 'services:\n  web:\n    extends: {file: common.yml, service: base}\n';
    const common = 'services:\n  base:\n    image: shop/base:7\n  unrelated:\n    image: x\n';
    expect(await controller.loadFiles([file('common.yml', common), file('compose.yaml', app)])).toBeNull();
    expect(spec().services.map((s) => `${s.name}=${s.image}`)).toEqual(['web=shop/base:7']);
    expect(controller.get().document?.related.map((f) => f.name)).toEqual(['common.yml']);
  });

  it('?compose=A&compose=B loads A then B, and fetches what they include relative to them', async () => {
    const { controller, spec, fetched } = setup({
      'https://example.test/app/stack/compose.yaml': 'include: [db/compose.yaml]\n' + BASE_FILE,
      'https://example.test/app/stack/db/compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
      'https://example.test/app/compose.prod.yaml': OVERLAY,
    });
    expect(await controller.loadUrls(['stack/compose.yaml', 'compose.prod.yaml'])).toBeNull();
    expect(fetched).toEqual([
      'https://example.test/app/stack/compose.yaml',
      'https://example.test/app/compose.prod.yaml',
      'https://example.test/app/stack/db/compose.yaml',
    ]);
    expect(spec().services.map((s) => s.name).sort()).toEqual(['api', 'db', 'web', 'worker']);
  });

  it('a pasted .env interpolates the current project, and survives a profile change; a bad one is refused with its line', async () => {
    const { controller, spec, loads } = setup();
    await controller.loadFiles([file('compose.yaml', BASE_FILE)]);
    expect(await controller.setEnv('# shop\nTAG=2.5\n')).toBeNull();
    expect(spec().services[0]!.image).toBe('shop/web:2.5');
    expect(controller.get().env?.count).toBe(1);
    expect(controller.get().document?.variables.web).toEqual([{ name: 'TAG', value: '2.5', source: 'environment' }]);
    await controller.setProfile('x', true);
    expect(spec().services[0]!.image).toBe('shop/web:2.5');
    const count = loads.length;
    expect(await controller.setEnv('A B=1\n')).toBe('.env: line 1: key cannot contain a space');
    expect(loads).toHaveLength(count);
    expect(controller.get().env?.text).toBe('# shop\nTAG=2.5\n');
    await controller.clearEnv();
    expect(spec().services[0]!.image).toBe('shop/web:1');
  });
});
