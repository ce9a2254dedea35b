/**
 * Live mode against the real Docker engine, in Chromium: the bridge as a user runs it
 * (`dist/bridge/cli.js live …`), real containers made with the docker CLI.
 * Needs `npm run build:site && npm run build:bridge` and a running engine
 * (`test/engine/setup.sh`); run with `npm run test:live`.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { containerNode, launchBrowser, openPage, screenshot, type OpenedPage } from '../../e2e/browser';
import { composeLabels, docker, IMAGE, PROJECT, removeOurContainers, runCliToEnd, runContainer, startCli, type RunningCli } from './liveHarness';

let browser: Browser;
const opened: OpenedPage[] = [];
const bridges: RunningCli[] = [];

beforeAll(async () => {
  await removeOurContainers();
  browser = await launchBrowser();
  // A small Compose project (web ×2 depends on db) and one container without labels.
  await runContainer(`${PROJECT}-db-1`, composeLabels('db', 1));
  await runContainer(`${PROJECT}-web-1`, composeLabels('web', 1, 'db:service_started:false'));
  await runContainer(`${PROJECT}-web-2`, composeLabels('web', 2, 'db:service_started:false'));
  await runContainer(`${PROJECT}-solo`);
});

/**
 * Chromium aborts requests when the host's network interfaces change (Docker adding a
 * container's veth on a shared machine): not the page's fault.
 */
const NETWORK_CHANGED = /net::ERR_NETWORK_CHANGED/;

afterEach(async () => {
  for (const p of opened.splice(0)) {
    expect(p.errors.filter((e) => !NETWORK_CHANGED.test(e))).toEqual([]);
    await p.close();
  }
  for (const b of bridges.splice(0)) await b.stop();
});

afterAll(async () => {
  await browser?.close();
  await removeOurContainers();
});

async function bridge(flags: string[] = []): Promise<RunningCli> {
  const b = await startCli(flags);
  bridges.push(b);
  return b;
}

async function livePage(url: string): Promise<Page> {
  const p = await openPage(browser);
  opened.push(p);
  await p.page.goto(url);
  // Once more if a network change aborted a script of the first load (see NETWORK_CHANGED).
  if (p.errors.some((e) => NETWORK_CHANGED.test(e))) await p.page.reload();
  await p.page.locator('[data-live-state="live"]').waitFor();
  return p.page;
}

const status = (page: Page, name: string) => containerNode(page, name).getAttribute('data-status');

/** Waits up to `ms` for the node's data-status (the CLI has returned: this is the view's delay). */
async function expectStatusWithin(page: Page, name: string, wanted: string, ms: number): Promise<void> {
  await page.locator(`[data-container="${name}"][data-status="${wanted}"]`).waitFor({ timeout: ms });
}

async function select(page: Page, name: string): Promise<void> {
  await containerNode(page, name).click();
  await page.locator(`[data-container="${name}"][data-selected="true"]`).waitFor();
}

describe('read-only live page', () => {
  it('draws the Compose containers grouped by service, with depends_on edges, and the others on their own', async () => {
    // Read-only; the filter names the Compose project to draw as services (other helpers' containers may share the engine).
    const b = await bridge(['--filter', `label=com.docker.compose.project=${PROJECT}`]);
    expect(b.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{20,}\/$/);
    expect(b.stderr()).toContain('Read-only');
    const page = await livePage(b.url);
    await containerNode(page, `${PROJECT}-web-2`).waitFor();
    expect(await containerNode(page, `${PROJECT}-web-1`).getAttribute('data-service')).toBe('web');
    expect(await containerNode(page, `${PROJECT}-web-2`).getAttribute('data-service')).toBe('web');
    expect(await containerNode(page, `${PROJECT}-db-1`).getAttribute('data-service')).toBe('db');
    expect(await containerNode(page, `${PROJECT}-solo`).getAttribute('data-service')).toBe(`${PROJECT}-solo`);
    await page.locator('[data-group-service="web"][data-replicas="2"]').waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    expect(await status(page, `${PROJECT}-db-1`)).toBe('running');
    await screenshot(page, 'live-readonly');
  });

  it('follows docker pause, stop and rm -f typed in a terminal within a second', async () => {
    const name = `${PROJECT}-cli`;
    await runContainer(name, composeLabels('cli', 1));
    const page = await livePage((await bridge(['--filter', `label=com.docker.compose.project=${PROJECT}`])).url);
    await expectStatusWithin(page, name, 'running', 5_000);
    await docker(['pause', name]);
    await expectStatusWithin(page, name, 'paused', 1_000);
    await docker(['unpause', name]);
    await expectStatusWithin(page, name, 'running', 1_000);
    await docker(['stop', '-t', '5', name]);
    await expectStatusWithin(page, name, 'exited', 1_000);
    // One entry for the command, with its real events: the process traps SIGTERM and exits 0.
    const stop = page.getByRole('log').locator('.log-entry').filter({ hasText: /engine: docker stop live-e2e-cli/ });
    await stop.waitFor({ timeout: 5_000 });
    expect(await stop.locator('.log-event').allInnerTexts()).toEqual(['kill signal=15', 'die exitCode=0', 'stop']);
    await docker(['start', name]);
    await expectStatusWithin(page, name, 'running', 1_000);
    await docker(['rm', '-f', name]);
    await expectStatusWithin(page, name, 'removed', 1_000);
    // Each real event has its entry, with its real time, in the log; a command's events are one entry.
    await page.getByRole('log').getByText(/engine: docker rm -f live-e2e-cli/).waitFor({ timeout: 5_000 });
    const log = await page.getByRole('log').innerText();
    expect(log).toMatch(/engine: container pause live-e2e-cli/);
    expect(log.match(/engine: container (kill|die|stop) live-e2e-cli/g)).toBeNull();
    // Nothing the engine did not say: no made-up network (the container has --network none).
    expect(log).not.toMatch(/_default|network connect|network disconnect/);
  });

  it("shows the engine's own health and restart count for the selected container", async () => {
    const name = `${PROJECT}-health-1`;
    await docker(['run', '-d', '--network', 'none', '--name', name, ...composeLabels('health', 1), '--health-cmd', 'cat /ok', '--health-interval', '1s', '--health-retries', '1', '--restart', 'on-failure:3', IMAGE, 'sleep', '100000']);
    const page = await livePage((await bridge(['--filter', `label=com.docker.compose.project=${PROJECT}`])).url);
    await select(page, name);
    const facts = page.locator(`[data-live-facts="${name}"]`);
    await facts.getByText(/health (starting|unhealthy), restarted 0 times by its policy \(on-failure:3\)/).waitFor({ timeout: 15_000 });
    // The probe starts passing: a real health_status event, after which the bridge reads the container again.
    await docker(['exec', name, 'sh', '-c', 'echo ok > /ok']);
    await facts.getByText(/health healthy/).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('log').innerText()).toMatch(/engine: container health_status: healthy live-e2e-health-1/);
    await docker(['rm', '-f', name]);
  });

  it('sends nothing from the buttons', async () => {
    const page = await livePage((await bridge()).url);
    await select(page, `${PROJECT}-db-1`);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('log').getByText(/read-only: the bridge was started without --allow-commands/).waitFor();
    expect(await docker(['inspect', '-f', '{{.State.Paused}}', `${PROJECT}-db-1`])).toBe('false');
  });
});

describe('with --allow-commands', () => {
  it('Pause pauses the real container, and a command Docker refuses shows its error', async () => {
    const b = await bridge(['--allow-commands', '--filter', `label=com.docker.compose.project=${PROJECT}`]);
    expect(b.stderr()).toContain(`Commands allowed on containers with label com.docker.compose.project=${PROJECT} only`);
    // The machine lets a created container start; the engine refuses: its command does not exist.
    await docker(['create', '--network', 'none', '--name', `${PROJECT}-bad-1`, ...composeLabels('bad', 1), IMAGE, '/no/such/program']);
    const page = await livePage(b.url);
    await select(page, `${PROJECT}-web-1`);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expectStatusWithin(page, `${PROJECT}-web-1`, 'paused', 5_000);
    expect(await docker(['inspect', '-f', '{{.State.Paused}}', `${PROJECT}-web-1`])).toBe('true');
    await page.getByRole('button', { name: 'Unpause', exact: true }).click();
    await expectStatusWithin(page, `${PROJECT}-web-1`, 'running', 5_000);
    expect(await docker(['inspect', '-f', '{{.State.Paused}}', `${PROJECT}-web-1`])).toBe('false');

    await select(page, `${PROJECT}-bad-1`);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const error = page.getByRole('log').locator('.log-entry__error').filter({ hasText: /no such file or directory/ });
    await error.waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toContain('/no/such/program');
    await screenshot(page, 'live-commands');
    await docker(['rm', '-f', `${PROJECT}-bad-1`]);
  });

  it("Stop on the page is one entry `docker stop NAME` with the engine's events, explained as a graceful stop", async () => {
    const name = `${PROJECT}-stopme-1`;
    await runContainer(name, composeLabels('stopme', 1));
    const page = await livePage((await bridge(['--allow-commands', '--filter', `label=com.docker.compose.project=${PROJECT}`])).url);
    await select(page, name);
    const learn = page.getByRole('button', { name: 'Learn', exact: true });
    if ((await learn.getAttribute('aria-pressed')) !== 'true') await learn.click();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expectStatusWithin(page, name, 'exited', 5_000);
    const entry = page.getByRole('log').locator('.log-entry').filter({ hasText: `docker stop ${name}` });
    await entry.locator('.log-explain').waitFor({ timeout: 5_000 });
    expect(await page.getByRole('log').locator('.log-entry').filter({ hasText: name }).count()).toBe(1);
    expect(await entry.locator('.log-event').allInnerTexts()).toEqual(['kill signal=15', 'die exitCode=0', 'stop']);
    expect(await entry.locator('.log-explain').getAttribute('data-explain')).toBe('docker stop: graceful');
    expect(await entry.innerText()).not.toMatch(/its work was done|crash/i);
    await docker(['rm', '-f', name]);
  });

  it('offers no simulation-only transition: crash, OOM, update and rename are disabled with the reason, the policy is read-only', async () => {
    const page = await livePage((await bridge(['--allow-commands', '--filter', `label=com.docker.compose.project=${PROJECT}`])).url);
    await select(page, `${PROJECT}-web-2`);
    const chart = page.locator('[data-slot="lifecycle-chart"]');
    const crash = chart.locator('.lc-row').filter({ has: page.locator('.lc-fire-label', { hasText: /^crash$/ }) });
    await crash.first().waitFor({ timeout: 15_000 });
    expect(await crash.first().locator('button').isDisabled()).toBe(true);
    expect(await crash.first().locator('.lc-reason').innerText()).toBe('live mode: the engine decides when a process exits');
    for (const label of [/^OOM kill$/, /docker update/, /docker rename/]) {
      const row = chart.locator('.lc-row').filter({ has: page.locator('.lc-fire-label', { hasText: label }) }).first();
      // update and rename are settings, not drawn as transitions; a running container's OOM kill is.
      if ((await row.count()) === 0 && /docker/.test(String(label))) continue;
      expect(await row.locator('button').isDisabled(), String(label)).toBe(true);
      expect(await row.locator('.lc-reason').innerText()).toMatch(/^live mode: /);
    }
    // Real commands stay offered.
    const stop = chart.locator('.lc-row').filter({ has: page.locator('.lc-fire-label', { hasText: /^docker stop$/ }) }).first();
    expect(await stop.locator('button').isDisabled()).toBe(false);
    const simulateCrash = page.locator('.command__button').filter({ hasText: 'Simulate crash' });
    expect(await simulateCrash.isDisabled()).toBe(true);
    expect(await simulateCrash.getAttribute('title')).toBe('Simulate crash: live mode: the engine decides when a process exits');
    const policy = page.getByRole('combobox', { name: 'Restart policy' });
    expect(await policy.isDisabled()).toBe(true);
    expect(await page.locator('[data-policy="read-only"]').innerText()).toContain('docker update is not sent');
    // Nothing was sent, and nothing reads as Docker's error.
    expect(await page.getByRole('log').innerText()).not.toContain('Error response from daemon');
    expect(await status(page, `${PROJECT}-web-2`)).toBe('running');
    await screenshot(page, 'live-not-offered');
  });

  it('refuses a container outside the filter, on the page and at the bridge', async () => {
    const b = await bridge(['--allow-commands', '--filter', `label=com.docker.compose.project=${PROJECT}`]);
    const page = await livePage(b.url);
    await select(page, `${PROJECT}-solo`);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('log').getByText(/outside the bridge's filter/).waitFor();
    // The page's own check aside, the bridge refuses it too (it reads the labels from the engine).
    const id = await docker(['inspect', '-f', '{{.Id}}', `${PROJECT}-solo`]);
    const reply = await page.evaluate(async (container) => {
      const r = await fetch('api/command', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ container, command: 'pause' }) });
      return { status: r.status, body: await r.json() };
    }, id);
    expect(reply.status).toBe(403);
    expect(reply.body.message).toContain('outside the filter');
    // Chromium reports the refused request as a console error: that one is expected.
    const p = opened.at(-1)!;
    p.errors.splice(0, p.errors.length, ...p.errors.filter((e) => !e.includes('status of 403')));
    expect(await docker(['inspect', '-f', '{{.State.Paused}}', `${PROJECT}-solo`])).toBe('false');
  });
});

describe('the bridge refuses', () => {
  it('a wrong token, another Origin, and a non-loopback bind', async () => {
    const b = await bridge(['--allow-commands']);
    const base = new URL(b.url);
    const wrong = await fetch(`${base.origin}/not-the-token/api/events`);
    expect(wrong.status).toBe(401);
    const page = await livePage(b.url);
    // A page on another origin cannot use it, even knowing the token.
    const cross = await page.evaluate(async (url) => {
      try {
        const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        return `status ${r.status}`;
      } catch (error) {
        return `blocked: ${(error as Error).message}`;
      }
    }, `${b.url}api/command`.replace('127.0.0.1', 'localhost'));
    expect(cross).toMatch(/blocked|status 403/);
    const p = opened.at(-1)!;
    p.errors.splice(0, p.errors.length, ...p.errors.filter((e) => !/CORS policy|net::ERR_FAILED/.test(e)));
    const origin = await fetch(`${b.url}api/events`, { headers: { origin: 'https://evil.example' } });
    expect(origin.status).toBe(403);
    expect(await origin.text()).toContain('Origin "https://evil.example" refused');

    const bind = await runCliToEnd(['--host', '0.0.0.0']);
    expect(bind.code).toBe(2);
    expect(bind.stdout).toBe('');
    expect(bind.stderr).toContain('refusing to listen on 0.0.0.0');
  });
});
