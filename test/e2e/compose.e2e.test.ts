/**
 * Black-box tests of compose files on the built page (docs/contracts.md §2): the
 * `Open compose file` input, the Example list, paste, drop, `?compose=<url>`, profiles,
 * the `Compose …` actions in dependency order, Scale, and input errors in `role="alert"`
 * with the architecture left as it was. Expectations come from the fixtures themselves,
 * through the same pure parser the page uses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loadComposeFiles, loadComposeText } from '../../src/features/compose/loadCompose';
import { architectureGraph } from '../../src/model/layout/architectureGraph';
import type { ArchitectureSpec } from '../../machines';
import { action, appUrl, containerNode, describedBy, screenshot, pageSession, untilComposeUp } from './browser';

const FIXTURES_DIR = resolve(__dirname, '../fixtures/compose');
const EXAMPLES_DIR = resolve(__dirname, '../../public/examples');
const FIXTURES = [
  { file: 'docker_awesome-compose__nginx-flask-mysql_compose.yml', shot: 'compose-flask-mysql' },
  { file: 'docker_awesome-compose__nginx-golang-postgres_compose.yml', shot: 'compose-golang-postgres' },
  { file: 'dockersamples_example-voting-app__docker-compose.yml', shot: 'compose-voting-app' },
  { file: 'open-telemetry_opentelemetry-demo__compose.yml', shot: 'compose-otel' },
];
const OTEL = 'open-telemetry_opentelemetry-demo__compose.yml';
const VOTING = 'dockersamples_example-voting-app__docker-compose.yml';
const DEFAULT_CONTAINERS = 10;
const SETTLE = { timeout: 30_000, interval: 100 };

const session = pageSession();

function read(dir: string, file: string): string {
  return readFileSync(resolve(dir, file), 'utf8');
}

/** What the page should draw for a file: the parser's spec and graph. */
function expected(file: string, text: string, activeProfiles: string[] = []) {
  const result = loadComposeText(text, { fileName: file, activeProfiles });
  if (!result.ok) throw new Error(result.message);
  return { spec: result.source.spec, graph: architectureGraph(result.source.spec) };
}

async function open(query = '', viewport = { width: 1400, height: 900 }): Promise<Page> {
  const { page } = await session.open(viewport);
  const response = await page.goto(appUrl(query), { waitUntil: 'load' });
  expect(response?.status(), 'HTTP status of the page').toBe(200);
  await expect.poll(() => page.locator('[data-container]').count(), { ...SETTLE, message: 'container nodes rendered' }).toBeGreaterThan(0);
  return page;
}

async function containerNames(page: Page): Promise<string[]> {
  const names = await page.locator('[data-container]').evaluateAll((els) => els.map((el) => el.getAttribute('data-container') ?? ''));
  return names.sort();
}

/** Uploads `text` through the `Open compose file` input; returns ms until `names` are all drawn. */
async function upload(page: Page, file: string, text: string, names: string[]): Promise<number> {
  const started = Date.now();
  await page.getByLabel('Open compose file', { exact: true }).setInputFiles({ name: file, mimeType: 'application/yaml', buffer: Buffer.from(text) });
  await expect.poll(() => containerNames(page), { ...SETTLE, message: `containers of ${file}` }).toEqual([...names].sort());
  return Date.now() - started;
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxes(locator: Locator, attribute: string): Promise<Box[]> {
  return locator.evaluateAll(
    (els, attr) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.getAttribute(attr) ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    attribute,
  );
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Nodes (containers and placeholders) never overlap and all lie inside the canvas: the view is fitted. */
async function expectFittedWithoutOverlap(page: Page): Promise<void> {
  const canvas = await page.locator('.react-flow').boundingBox();
  expect(canvas, 'the canvas').not.toBeNull();
  const view = canvas!;
  await expect
    .poll(
      async () => {
        const all = [
          ...(await boxes(page.locator('[data-container]'), 'data-container')),
          ...(await boxes(page.locator('[data-inactive-service], [data-empty-service]'), 'data-inactive-service')),
        ];
        return all.filter((b) => b.x < view.x - 1 || b.y < view.y - 1 || b.x + b.width > view.x + view.width + 1 || b.y + b.height > view.y + view.height + 1).map((b) => b.id);
      },
      { ...SETTLE, message: 'nodes outside the fitted view' },
    )
    .toEqual([]);
  const all = await boxes(page.locator('[data-container]'), 'data-container');
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]!, all[j]!), `${all[i]!.id} overlaps ${all[j]!.id}`).toBe(false);
  }
}

/** One group per service: its containers (`data-service`), a group box for 2+ replicas, a placeholder when inactive. */
async function expectServices(page: Page, spec: ArchitectureSpec, graph: ReturnType<typeof architectureGraph>): Promise<void> {
  for (const service of graph.services) {
    const nodes = page.locator(`[data-container][data-service="${service.name}"]`);
    expect(await nodes.count(), `containers of ${service.name}`).toBe(service.replicas);
    const group = page.locator(`[data-group-service="${service.name}"]`);
    expect(await group.count(), `group box of ${service.name}`).toBe(service.replicas > 1 ? 1 : 0);
    const placeholder = page.locator(`[data-inactive-service="${service.name}"]`);
    expect(await placeholder.count(), `inactive placeholder of ${service.name}`).toBe(service.active ? 0 : 1);
  }
  expect(await page.locator('[data-container]').count()).toBe(graph.containers.length);
  expect(spec.services).toHaveLength(graph.services.length);
}

async function composeStatus(page: Page): Promise<string | null> {
  const strip = page.locator('[data-compose-status]');
  return (await strip.count()) ? strip.getAttribute('data-compose-status') : null;
}

async function fastClock(page: Page): Promise<void> {
  // The speed control belongs to the runtime feature; use it when it is there.
  const fast = page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '20×', exact: true });
  if ((await fast.count()) === 1) await fast.click();
}

describe('Open compose file', () => {
  for (const { file, shot } of FIXTURES) {
    it(`draws ${file}: one group per service, its containers, fitted, no overlap`, async () => {
      const page = await open();
      const text = read(FIXTURES_DIR, file);
      const { spec, graph } = expected(file, text);
      const ms = await upload(
        page,
        file,
        text,
        graph.containers.map((c) => c.name),
      );
      console.log(`[compose e2e] ${file}: ${graph.services.length} services, ${graph.containers.length} containers drawn ${ms} ms after upload`);
      await expectServices(page, spec, graph);
      await expectFittedWithoutOverlap(page);
      // Compose's names: container_name, else <project>-<service>-<n>.
      for (const service of spec.services.filter((s) => graph.services.find((v) => v.name === s.name)?.active)) {
        const name = service.containerName ?? `${spec.project}-${service.name}-1`;
        expect(await containerNode(page, name).getAttribute('data-service')).toBe(service.name);
      }
      await page.waitForTimeout(300);
      await screenshot(page, `${shot}.png`);
    });
  }

  it('shows invalid YAML in role="alert" with its line, and keeps the architecture on screen', async () => {
    const page = await open();
    const text = read(FIXTURES_DIR, VOTING);
    const { graph } = expected(VOTING, text);
    await upload(
      page,
      VOTING,
      text,
      graph.containers.map((c) => c.name),
    );
    const before = await containerNames(page);
    await page.getByLabel('Open compose file', { exact: true }).setInputFiles({
      name: 'broken.yml',
      mimeType: 'application/yaml',
      buffer: Buffer.from('services:\n  web:\n    image: nginx\n    ports: [80:80\n  db:\n    image: postgres\n'),
    });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), SETTLE).toBe(1);
    const message = (await alert.textContent()) ?? '';
    expect(message).toMatch(/broken\.yml/);
    expect(message).toMatch(/line \d+, column \d+/);
    expect(await containerNames(page)).toEqual(before);
    await screenshot(page, 'compose-invalid.png');
    // Dismissible.
    await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('refuses a file over 1 MB before reading it', async () => {
    const page = await open();
    const before = await containerNames(page);
    await page.getByLabel('Open compose file', { exact: true }).setInputFiles({
      name: 'huge.yml',
      mimeType: 'application/yaml',
      buffer: Buffer.alloc(1_200_000, 'x'),
    });
    await expect.poll(async () => (await page.getByRole('alert').textContent()) ?? '', SETTLE).toMatch(/huge\.yml is 1\.2 MB/);
    expect(await containerNames(page)).toEqual(before);
  });

  it('shows parser warnings as a dismissible status, not an alert', async () => {
    const page = await open();
    await upload(page, 'old.yml', 'version: "3.8"\nservices:\n  web:\n    image: nginx\n', ['old-web-1']);
    const status = page.locator('.compose-warnings[role="status"]');
    await expect.poll(async () => (await status.textContent()) ?? '', SETTLE).toMatch(/version.*obsolete/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: 'Dismiss warnings', exact: true }).click();
    expect(await status.count()).toBe(0);
  });
});

describe('Compose actions', () => {
  it('runs the OpenTelemetry demo down, then up in dependency order (start order from the log)', async () => {
    const page = await open();
    const text = read(FIXTURES_DIR, OTEL);
    const { spec, graph } = expected(OTEL, text);
    await upload(
      page,
      OTEL,
      text,
      graph.containers.map((c) => c.name),
    );
    await fastClock(page);

    await action(page, 'Compose down').click();
    await expect.poll(() => composeStatus(page), { timeout: 120_000, interval: 200, message: 'compose down finished' }).toBe('done');
    const statuses = await page.locator('[data-container]').evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['removed']));

    await action(page, 'Compose up').click();
    // While it runs: a strip in start order, some service waiting for a healthy dependency.
    await expect
      .poll(() => page.locator('[data-step-state="waiting"]').count(), { timeout: 60_000, interval: 100, message: 'a service waits for a condition' })
      .toBeGreaterThan(0);
    const waiting = (await page.locator('[data-step-state="waiting"]').first().textContent()) ?? '';
    expect(waiting).toMatch(/waiting for .+ to be healthy/);
    expect(await page.locator('[data-container][data-compose="waiting"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'compose-otel-up-progress.png');

    await expect.poll(() => composeStatus(page), { timeout: 240_000, interval: 250, message: 'compose up finished' }).toBe('done');
    await expect
      .poll(() => page.locator('[data-container]').evaluateAll((els) => els.every((el) => el.getAttribute('data-status') === 'running')), SETTLE)
      .toBe(true);
    expect(await page.locator('[data-step-state="done"]').count()).toBe(20);

    // The log: `docker start <name>` lines after `docker compose up -d` (the one after the down).
    const log = await page.getByRole('log').evaluate((el) => (el as HTMLElement).innerText);
    const down = log.lastIndexOf('docker compose down');
    const afterUp = log.slice(log.indexOf('docker compose up -d', down));
    const started = [...afterUp.matchAll(/docker start ([A-Za-z0-9._-]+)/g)].map((m) => m[1]!);
    const nameOf = new Map(spec.services.map((s) => [s.name, s.containerName ?? `${spec.project}-${s.name}-1`]));
    expect(new Set(started)).toEqual(new Set(nameOf.values()));
    for (const service of spec.services) {
      for (const dependency of service.dependsOn) {
        const dep = started.indexOf(nameOf.get(dependency.service)!);
        const self = started.indexOf(nameOf.get(service.name)!);
        expect(dep, `${dependency.service} starts before ${service.name}`).toBeLessThan(self);
      }
    }
    await screenshot(page, 'compose-otel-up-done.png');
  }, 400_000);

  it('scales a service: new replicas appear in its group, removed ones disappear, layout stays clean', async () => {
    const page = await open();
    await page.getByLabel('Example', { exact: true }).selectOption('scaled-workers');
    const workers = (n: number) => Array.from({ length: n }, (_, i) => `scaled-workers-worker-${i + 1}`);
    await expect.poll(() => page.locator('[data-service="worker"]').count(), SETTLE).toBe(3);
    expect(await page.locator('[data-group-service="worker"]').textContent()).toMatch(/worker.*×3/);

    // From the selected container's panel.
    await containerNode(page, 'scaled-workers-worker-2').click();
    const replicas = page.getByLabel('Replicas', { exact: true });
    await replicas.fill('5');
    await action(page, 'Scale').click();
    await expect.poll(async () => (await containerNames(page)).filter((n) => n.includes('-worker-')), SETTLE).toEqual(workers(5));
    await expectFittedWithoutOverlap(page);
    await screenshot(page, 'compose-scaled-5.png');

    // From the group box.
    const group = page.locator('[data-group-service="worker"]');
    await group.getByLabel('Replicas of worker').fill('1');
    await group.getByRole('button', { name: 'Scale worker', exact: true }).click();
    await expect.poll(async () => (await containerNames(page)).filter((n) => n.includes('-worker-')), SETTLE).toEqual(workers(1));
    expect(await page.locator('[data-group-service="worker"]').count()).toBe(0);
    await expectFittedWithoutOverlap(page);
  });

  it('isolates faults in a compose project: dependents of a stopped service are degraded, its edges cut', async () => {
    const page = await open('?compose=examples/voting.compose.yml');
    await expect.poll(() => containerNode(page, 'voting-db-1').count(), SETTLE).toBe(1);
    // From the file's settled state: its docker compose up waits for db's, then api's, health check.
    await untilComposeUp(page);
    await containerNode(page, 'voting-db-1').click();
    await action(page, 'Stop').click();
    await expect.poll(() => containerNode(page, 'voting-db-1').getAttribute('data-status'), SETTLE).toBe('exited');
    for (const dependent of ['voting-api-1', 'voting-tally-1']) {
      await expect.poll(() => containerNode(page, dependent).getAttribute('data-degraded'), SETTLE).toBe('true');
      expect(await page.locator(`[data-edge="${dependent}->voting-db-1"]`).getAttribute('data-target-status')).toBe('exited');
    }
    expect(await containerNode(page, 'voting-ui-1').getAttribute('data-degraded')).toBeNull();
    await screenshot(page, 'compose-fault-isolation.png');
  });

  it('draws a one-shot dependency as a job that completed, not a service that is down', async () => {
    const page = await open('?compose=examples/scaled-workers.compose.yml');
    // The default scenario is drawn until the file has loaded.
    await containerNode(page, 'scaled-workers-migrate-1').waitFor();
    await untilComposeUp(page);
    // migrate (service_completed_successfully) ran first and exited 0: done, not cut.
    await expect.poll(() => containerNode(page, 'scaled-workers-migrate-1').getAttribute('data-status'), SETTLE).toBe('exited');
    for (const source of ['group:worker', 'scaled-workers-scheduler-1']) {
      const edge = page.locator(`[data-edge="${source}->scaled-workers-migrate-1"]`);
      await expect.poll(() => edge.getAttribute('data-tone'), SETTLE).toBe('done');
      expect(await edge.locator('title').textContent()).toContain('migrate-1 exited 0, its work is done');
    }
    for (const name of ['scaled-workers-worker-1', 'scaled-workers-worker-2', 'scaled-workers-worker-3', 'scaled-workers-scheduler-1']) {
      expect(await containerNode(page, name).getAttribute('data-degraded'), `${name} is not degraded by a finished job`).toBeNull();
    }
    // What the workers call still degrades them.
    await containerNode(page, 'scaled-workers-queue-1').click();
    await action(page, 'Stop').click();
    await expect.poll(() => containerNode(page, 'scaled-workers-worker-1').getAttribute('data-degraded'), SETTLE).toBe('true');
    await screenshot(page, 'compose-one-shot-done.png');
  });

  it('cannot scale a service with container_name: Scale is disabled and says why', async () => {
    const page = await open();
    expect(await page.locator('[data-container]').count()).toBe(DEFAULT_CONTAINERS);
    await containerNode(page, 'order-service').click();
    const scale = action(page, 'Scale');
    await scale.waitFor();
    expect(await scale.isDisabled()).toBe(true);
    expect(await describedBy(scale)).toMatch(/container_name/);
  });
});

describe('other ways in', () => {
  it('loads ?compose=examples/voting.compose.yml from the URL, with its inactive service', async () => {
    const page = await open('?compose=examples/voting.compose.yml');
    const { graph } = expected('voting.compose.yml', read(EXAMPLES_DIR, 'voting.compose.yml'));
    await expect.poll(() => containerNames(page), SETTLE).toEqual(graph.containers.map((c) => c.name).sort());
    expect(await page.locator('[data-inactive-service="loadgen"]').getAttribute('data-profiles')).toBe('loadgen');
    expect(await page.getByLabel('Example', { exact: true }).inputValue()).toBe('voting');
    await expectFittedWithoutOverlap(page);
    await screenshot(page, 'compose-url-voting.png');
  });

  it('reports a ?compose= URL that fails in role="alert" and keeps the default scenario', async () => {
    const page = await open('?compose=examples/missing.yml');
    await expect.poll(async () => (await page.getByRole('alert').textContent()) ?? '', SETTLE).toMatch(/HTTP 404/);
    expect(await page.locator('[data-container]').count()).toBe(DEFAULT_CONTAINERS);
    // Chromium itself logs the 404 of the fetch; that one is expected here.
    const errors = session.current!.errors;
    const ours = errors.filter((e) => !/Failed to load resource: .*404/.test(e));
    errors.splice(0, errors.length, ...ours);
  });

  it('turns a profile on: the inactive service gets its container', async () => {
    const page = await open();
    const text = read(FIXTURES_DIR, VOTING);
    const { graph } = expected(VOTING, text);
    await upload(
      page,
      VOTING,
      text,
      graph.containers.map((c) => c.name),
    );
    expect(await page.locator('[data-inactive-service="seed"]').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'seed', exact: true }).check();
    const on = expected(VOTING, text, ['seed']);
    await expect.poll(() => containerNames(page), SETTLE).toEqual(on.graph.containers.map((c) => c.name).sort());
    expect(await page.locator('[data-inactive-service="seed"]').count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'seed', exact: true }).isChecked()).toBe(true);
    await expectFittedWithoutOverlap(page);
  });

  it('loads a pasted file; odd service names (dots, underscores, leading digits) work everywhere', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Paste compose file', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste a compose file' });
    await dialog.getByLabel('Compose file (YAML)').fill(
      'name: odd\nservices:\n  1st.web_x-y:\n    image: nginx\n    depends_on: [2nd.api]\n  2nd.api:\n    image: api\n    deploy:\n      replicas: 2\n  dbg:\n    image: busybox\n    profiles: [debug.tools]\n    depends_on: [1st.web_x-y]\n',
    );
    await dialog.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(() => containerNames(page), SETTLE).toEqual(['odd-1st.web_x-y-1', 'odd-2nd.api-1', 'odd-2nd.api-2']);
    expect(await dialog.count()).toBe(0);
    await containerNode(page, 'odd-1st.web_x-y-1').click();
    expect(await containerNode(page, 'odd-1st.web_x-y-1').getAttribute('data-selected')).toBe('true');
    // Arrow keys move between containers (attribute selectors with escaped names).
    await containerNode(page, 'odd-1st.web_x-y-1').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-container'))).toMatch(/^odd-2nd\.api-\d$/);
    const group = page.locator('[data-group-service="2nd.api"]');
    await group.getByLabel('Replicas of 2nd.api').fill('3');
    await group.getByRole('button', { name: 'Scale 2nd.api', exact: true }).click();
    await expect.poll(() => page.locator('[data-service="2nd.api"]').count(), SETTLE).toBe(3);
    expect(await page.locator('[data-inactive-service="dbg"]').getAttribute('data-profiles')).toBe('debug.tools');
    await expectFittedWithoutOverlap(page);
  });

  it('keeps the paste dialog open with the error when the text does not parse', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Paste compose file', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste a compose file' });
    await dialog.getByLabel('Compose file (YAML)').fill('services:\n  a:\n    image: x\n    depends_on: [b]\n');
    await dialog.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(async () => (await dialog.getByRole('alert').textContent()) ?? '', SETTLE).toMatch(/undefined service "b".*line 4/);
    expect(await page.locator('[data-container]').count()).toBe(DEFAULT_CONTAINERS);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await dialog.count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('opens a compose file dropped on the page', async () => {
    const page = await open();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.compose.yml', { type: 'application/yaml' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }, 'services:\n  cache:\n    image: redis\n');
    await expect.poll(() => containerNames(page), SETTLE).toEqual(['dropped-cache-1']);
  });

  it('opens a base file and its overlay picked together (-f docker-compose.yml -f dev overlay), in Compose order', async () => {
    const page = await open();
    const base = 'supabase_supabase__docker_docker-compose.yml';
    const overlay = 'overlays/supabase_supabase__docker_dev_docker-compose.dev.yml';
    const files = [
      // The overlay first, as a picker may list it: the project still merges it last.
      { name: 'docker-compose.dev.yml', mimeType: 'application/yaml', buffer: Buffer.from(read(FIXTURES_DIR, overlay)) },
      { name: 'docker-compose.yml', mimeType: 'application/yaml', buffer: Buffer.from(read(FIXTURES_DIR, base)) },
    ];
    const result = loadComposeFiles([
      { name: 'docker-compose.yml', text: read(FIXTURES_DIR, base) },
      { name: 'docker-compose.dev.yml', text: read(FIXTURES_DIR, overlay) },
    ]);
    if (!result.ok) throw new Error(result.message);
    const names = architectureGraph(result.source.spec).containers.map((c) => c.name);
    expect(names).toContain('supabase-mail');
    await page.getByLabel('Open compose file', { exact: true }).setInputFiles(files);
    await expect.poll(() => containerNames(page), SETTLE).toEqual([...names].sort());
    expect(await page.locator('.app-header__scenario').getAttribute('title')).toMatch(/^docker-compose\.yml \+ docker-compose\.dev\.yml \(project /);
  });

  it('loads ?compose=A&compose=B in that order, with the file A includes fetched relative to A', async () => {
    const { page } = await session.open({ width: 1400, height: 900 });
    const served: Record<string, string> = {
      '/stack/compose.yaml': 'include: [db/compose.yaml]\nservices:\n  web:\n    image: shop/web:${TAG:-1.4}\n    depends_on: [db]\n',
      '/stack/db/compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
      '/prod.yaml': 'services:\n  web:\n    restart: always\n  worker:\n    image: shop/worker:1\n',
    };
    await page.route(/\/(stack\/compose|stack\/db\/compose|prod)\.yaml$/, (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^.*?(\/stack\/|\/prod)/, '$1');
      const body = served[path];
      return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ status: 200, contentType: 'application/yaml', body });
    });
    await page.goto(appUrl('?compose=stack/compose.yaml&compose=prod.yaml'), { waitUntil: 'load' });
    await expect.poll(() => containerNames(page), SETTLE).toEqual(['stack-db-1', 'stack-web-1', 'stack-worker-1']);
  });

  it('a pasted .env interpolates the file, and the service panel lists the variables', async () => {
    const page = await open();
    await page.getByLabel('Open compose file', { exact: true }).setInputFiles({
      name: 'shop.yml',
      mimeType: 'application/yaml',
      buffer: Buffer.from('services:\n  web:\n    image: ${REGISTRY:-docker.io}/shop/web:${TAG:-1.0}\n'),
    });
    await expect.poll(() => containerNames(page), SETTLE).toEqual(['shop-web-1']);
    const nodeText = () => containerNode(page, 'shop-web-1').innerText();
    await expect.poll(nodeText, SETTLE).toContain('docker.io/shop/web:1.0');
    await page.getByRole('button', { name: 'Variables (.env)' }).click();
    await page.getByLabel('.env file (KEY=value lines)').fill('TAG=2.1\n');
    await page.getByRole('button', { name: 'Use these variables' }).click();
    await expect.poll(nodeText, SETTLE).toContain('docker.io/shop/web:2.1');
    await containerNode(page, 'shop-web-1').click();
    const list = () => page.getByRole('list', { name: 'Variables (2):' }).innerText();
    await expect.poll(list, SETTLE).toContain('REGISTRY = docker.io (default)');
    await expect.poll(list, SETTLE).toContain('TAG = 2.1 (from .env)');
  });

  it('goes back to the default scenario from the Example list', async () => {
    const page = await open('?compose=examples/scaled-workers.compose.yml');
    await expect.poll(() => page.locator('[data-service="worker"]').count(), SETTLE).toBe(3);
    await page.getByLabel('Example', { exact: true }).selectOption('ecommerce');
    await expect.poll(() => page.locator('[data-container]').count(), SETTLE).toBe(DEFAULT_CONTAINERS);
    expect(await containerNode(page, 'load-balancer').count()).toBe(1);
    expect(new URL(page.url()).search, 'the default removes compose from the URL').toBe('');
  });

  it('keeps the Example choice in the URL: a reload opens the same example', async () => {
    const page = await open('?theme=dark');
    await page.getByLabel('Example', { exact: true }).selectOption('voting');
    await expect.poll(() => containerNode(page, 'voting-db-1').count(), SETTLE).toBe(1);
    expect(new URL(page.url()).search).toBe('?theme=dark&compose=examples/voting.compose.yml');
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => containerNode(page, 'voting-db-1').count(), SETTLE).toBe(1);
    expect(await page.getByLabel('Example', { exact: true }).inputValue()).toBe('voting');
  });
});
