/**
 * The compose controller: every way in (text, File, URL, example, profile change) ends
 * in exactly one `store.load` for a file that parsed, and none (with an alert message)
 * for one that did not: the architecture on screen stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { ecommerceScenario } from '../../../machines';
import { createComposeController, type ComposeControllerOptions } from '../../../src/features/compose/composeController';
import { MAX_COMPOSE_BYTES } from '../../../src/features/compose/loadCompose';
import type { SessionSource } from '../../../src/model/session/sessionSource';
import { examples, fixture, VOTING } from './helpers';

const BASE = 'https://example.test/app/';

function setup(files: Record<string, string> = {}, extra: Partial<ComposeControllerOptions> = {}) {
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
  const controller = createComposeController({ load: (s) => loads.push(s) }, { fetch: fetchFn, baseUrl: () => BASE, ...extra });
  return { controller, loads, fetched };
}

const file = (name: string, text: string) => ({ name, size: new TextEncoder().encode(text).length, text: async () => text });

describe('compose controller', () => {
  it('loads a file that parses, once, and keeps its text for profile changes', async () => {
    const { controller, loads } = setup();
    expect(await controller.loadFile(file('voting.yml', fixture(VOTING)))).toBeNull();
    expect(loads).toHaveLength(1);
    const state = controller.get();
    expect(state.error).toBeNull();
    expect(state.document?.profiles).toEqual(['seed']);
    expect(state.document?.spec).toBe(loads[0]?.kind === 'spec' ? loads[0].spec : undefined);
  });

  it('does not load a file that fails to parse; the error says where', async () => {
    const { controller, loads } = setup();
    await controller.loadFile(file('good.yml', 'services:\n  a:\n    image: x\n'));
    const message = await controller.loadFile(file('bad.yml', 'services:\n  a:\n    image: [x\n'));
    expect(message).toMatch(/bad\.yml: .*line \d+, column \d+/);
    expect(loads).toHaveLength(1);
    expect(controller.get().error?.message).toBe(message);
    // The document of the architecture still on screen is kept.
    expect(controller.get().document?.fileName).toBe('good.yml');
  });

  it('refuses a file over 1 MB without reading it', async () => {
    const { controller, loads } = setup();
    let read = false;
    const big = { name: 'huge.yml', size: MAX_COMPOSE_BYTES + 1, text: async () => ((read = true), '') };
    expect(await controller.loadFile(big)).toMatch(/huge\.yml is 1\.0 MB: compose files over 1\.0 MB are not loaded/);
    expect(read).toBe(false);
    expect(loads).toHaveLength(0);
  });

  it('a text too large gets the same message whether it was opened or pasted', async () => {
    const text = `services:\n  a:\n    image: x\n#${'x'.repeat(MAX_COMPOSE_BYTES)}\n`;
    const opened = setup();
    const pasted = setup();
    const fromFile = await opened.controller.loadFile(file('compose.yml', text));
    const fromPaste = await pasted.controller.loadText(text);
    expect(fromFile).toMatch(/^compose\.yml is 1\.0 MB: compose files over 1\.0 MB are not loaded here\./);
    expect(fromPaste).toBe(fromFile!.replace('compose.yml', 'The pasted text'));
    expect(await pasted.controller.loadText(text, { fileName: 'compose.yml' })).toBe(fromFile);
    expect(opened.loads).toHaveLength(0);
    expect(pasted.loads).toHaveLength(0);
  });

  it('re-parses with the new active profiles when a profile is toggled', async () => {
    const { controller, loads } = setup();
    await controller.loadFile(file('voting.yml', fixture(VOTING)));
    await controller.setProfile('seed', true);
    expect(loads).toHaveLength(2);
    const on = loads[1];
    expect(on?.kind === 'spec' && on.spec.activeProfiles).toEqual(['seed']);
    expect(controller.get().document?.activeProfiles).toEqual(['seed']);
    await controller.setProfile('seed', false);
    const off = loads[2];
    expect(off?.kind === 'spec' && off.spec.activeProfiles).toEqual([]);
  });

  it('fetches ?compose= relative to the page and loads it', async () => {
    const [name, text] = examples().find(([n]) => n === 'voting.compose.yml')!;
    const { controller, loads, fetched } = setup({ [`${BASE}examples/${name}`]: text });
    expect(await controller.loadUrl('examples/voting.compose.yml')).toBeNull();
    expect(fetched).toEqual([`${BASE}examples/voting.compose.yml`]);
    expect(loads).toHaveLength(1);
    // Recognised as the built-in example.
    expect(controller.get().exampleId).toBe('voting');
  });

  it('reports a failed fetch and loads nothing', async () => {
    const { controller, loads } = setup();
    const message = await controller.loadUrl('nope.yml');
    expect(message).toMatch(/Could not load the compose file https:\/\/example\.test\/app\/nope\.yml: HTTP 404 Not Found/);
    expect(loads).toHaveLength(0);
    expect(controller.get().error?.origin).toBe('url');
    expect(controller.get().busy).toBeNull();
  });

  it('explains a network (CORS) failure', async () => {
    const { controller } = setup(
      {},
      {
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      },
    );
    expect(await controller.loadUrl('https://elsewhere.test/c.yml')).toMatch(/Failed to fetch \(is it on this site, or served with CORS headers\?\)/);
  });

  it('refuses non-http URLs', async () => {
    const { controller, fetched } = setup();
    expect(await controller.loadUrl('file:///etc/passwd')).toMatch(/not an http\(s\) URL/);
    expect(fetched).toEqual([]);
  });

  it('lets the latest request win when an earlier fetch answers late', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const { controller, loads } = setup(
      {},
      {
        fetch: async (url) => {
          if (url.endsWith('slow.yml')) await gate;
          const text = url.endsWith('slow.yml') ? 'services:\n  slow:\n    image: x\n' : 'services:\n  fast:\n    image: y\n';
          return { ok: true, status: 200, statusText: 'OK', headers: new Headers(), text: async () => text };
        },
      },
    );
    const slow = controller.loadUrl('slow.yml');
    await controller.loadUrl('fast.yml');
    release();
    await slow;
    expect(loads).toHaveLength(1);
    expect(loads[0]?.kind === 'spec' && loads[0].spec.services[0]?.name).toBe('fast');
  });

  it('loads the built-in default scenario from the Example list without fetching', async () => {
    const { controller, loads, fetched } = setup();
    await controller.loadExample('ecommerce');
    expect(fetched).toEqual([]);
    expect(loads[0]?.kind === 'spec' && loads[0].spec).toBe(ecommerceScenario);
    expect(controller.get().document).toBeNull();
  });

  it('rejects an unknown example', async () => {
    const { controller, loads } = setup();
    expect(await controller.loadExample('nope')).toMatch(/Unknown example "nope"/);
    expect(loads).toHaveLength(0);
  });

  it('dismisses errors and warnings', async () => {
    const { controller } = setup();
    await controller.loadText('version: "3"\nservices:\n  a:\n    image: x\n');
    expect(controller.get().warnings.length).toBeGreaterThan(0);
    controller.dismissWarnings();
    expect(controller.get().warnings).toEqual([]);
    await controller.loadText(': : :');
    expect(controller.get().error).not.toBeNull();
    controller.dismissError();
    expect(controller.get().error).toBeNull();
  });
});
