/**
 * The first view is what `docker compose up` would show (issue 12), on the app page and
 * the embed page, for the default scenario and the voting and scaled-workers examples.
 * A MutationObserver installed before the page's scripts run (`addInitScript`) records
 * every container node's `data-status`, `data-health` and `data-exit-code` at every DOM
 * change until the up is over. At no recorded moment may a dependant be started (or
 * healthy) before its `depends_on` condition holds, the up must be seen happening
 * (dependants waiting in `created` while their dependencies run), and it ends with
 * everything up. The conditions come from the compose files themselves (read here with
 * the `yaml` package, not the page's parser) and from the built-in scenario's spec.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { scenarios } from '../../machines';
import { notUpYet, orderViolations, type ComposeCondition, type Moment, type ServiceConditions } from '../support/composeOrder';
import { appUrl, pageSession, screenshot } from './browser';

const session = pageSession();

/** An up waits for health checks on the simulation clock at 1×: voting's takes about 8 s. */
const UP_TIMEOUT = { timeout: 60_000, interval: 250 };

/** `depends_on` in either of its compose forms, for the services outside any profile (no `--profile` given). */
function conditionsFromCompose(file: string): ServiceConditions[] {
  const doc = parse(readFileSync(resolve(__dirname, '../../public/examples', file), 'utf8')) as {
    services: Record<string, { depends_on?: string[] | Record<string, { condition?: ComposeCondition }>; profiles?: string[] }>;
  };
  const active = Object.entries(doc.services).filter(([, s]) => !s.profiles?.length);
  const names = new Set(active.map(([name]) => name));
  return active.map(([service, s]) => {
    const dependsOn = Array.isArray(s.depends_on)
      ? s.depends_on.map((d) => ({ service: d, condition: 'service_started' as const }))
      : Object.entries(s.depends_on ?? {}).map(([d, v]) => ({ service: d, condition: v.condition ?? 'service_started' }));
    return { service, dependsOn: dependsOn.filter((d) => names.has(d.service)) };
  });
}

/** The built-in default scenario's conditions, from its spec. */
function conditionsOfDefault(): ServiceConditions[] {
  return scenarios.ecommerce!.services.map((s) => ({ service: s.name, dependsOn: s.dependsOn.map((d) => ({ service: d.service, condition: d.condition })) }));
}

/** Runs in the page before its scripts: records every container node at every DOM change into `window.__moments`. */
function installRecorder(): void {
  type Recorded = Record<string, { service: string; status: string; health: string | null; exitCode: number | null }>;
  const moments: Recorded[] = [];
  (window as unknown as { __moments: Recorded[] }).__moments = moments;
  const take = () => {
    const moment: Recorded = {};
    for (const el of Array.from(document.querySelectorAll('[data-container]'))) {
      const code = el.getAttribute('data-exit-code');
      moment[el.getAttribute('data-container') ?? ''] = {
        service: el.getAttribute('data-service') ?? '',
        status: el.getAttribute('data-status') ?? '',
        health: el.getAttribute('data-health'),
        exitCode: code === null ? null : Number(code),
      };
    }
    if (Object.keys(moment).length > 0) moments.push(moment);
  };
  new MutationObserver(take).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-container', 'data-status', 'data-health', 'data-exit-code'],
  });
}

/** The recorded moments, each cut to the containers of `services` (a `?compose=` page shows the default scenario until the file loads). */
async function moments(page: Page, services: readonly ServiceConditions[]): Promise<Moment[]> {
  const names = new Set(services.map((s) => s.service));
  const all = await page.evaluate(() => (window as unknown as { __moments: Moment[] }).__moments);
  return all
    .map((m) => Object.fromEntries(Object.entries(m).filter(([, c]) => names.has(c.service))))
    .filter((m) => Object.keys(m).length > 0);
}

const CASES = [
  { name: 'the default scenario', query: '', conditions: conditionsOfDefault, containers: 10 },
  { name: 'the voting example', query: '?compose=examples/voting.compose.yml', conditions: () => conditionsFromCompose('voting.compose.yml'), containers: 4 },
  {
    name: 'the scaled-workers example',
    query: '?compose=examples/scaled-workers.compose.yml',
    conditions: () => conditionsFromCompose('scaled-workers.compose.yml'),
    containers: 7,
  },
];

for (const page of ['index.html', 'embed.html'] as const) {
  describe(`${page}: the first view is docker compose up in dependency order`, () => {
    for (const c of CASES) {
      it(`${c.name}: no dependant starts before its depends_on condition holds; all up at the end`, async () => {
        const services = c.conditions();
        const { page: tab } = await session.open({ width: 1400, height: 900 });
        await tab.addInitScript(installRecorder);
        const response = await tab.goto(appUrl(`${page}${c.query}`), { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        // Until the up is over: every container of the file drawn and up.
        await expect
          .poll(async () => {
            const last = (await moments(tab, services)).at(-1);
            if (!last || Object.keys(last).length < c.containers) return ['not drawn yet'];
            return notUpYet(last, services);
          }, { ...UP_TIMEOUT, message: `${c.name} comes up` })
          .toEqual([]);
        const recorded = await moments(tab, services);
        expect(orderViolations(recorded, services), 'dependants started before their conditions held').toEqual([]);
        // The up is seen happening: at some moment a dependant waits in `created` while something already runs.
        const waiting = new Set(services.filter((s) => s.dependsOn.length > 0).map((s) => s.service));
        const seenUp = recorded.some((m) => {
          const containers = Object.values(m);
          return containers.some((x) => waiting.has(x.service) && x.status === 'created') && containers.some((x) => x.status === 'running');
        });
        expect(seenUp, 'a moment with dependants still created while their dependencies run').toBe(true);
        expect(Object.keys(recorded.at(-1)!)).toHaveLength(c.containers);
        await screenshot(tab, `first-view-${page.replace('.html', '')}-${c.name.replace(/^the /, '').replace(/\W+/g, '-')}.png`);
      });
    }
  });
}
