/**
 * `docker compose down` on the lesson's platform (docs/docker-behaviour.md, Compose):
 * dependants first; each container is stopped (SIGTERM, its grace period, SIGKILL) and
 * only then removed, as Compose's down does (stop, then remove, per container).
 * Found by a new user: down removed every container at once with `rm -f` (SIGKILL, 137)
 * while its stop was still in its grace period, and the run then stalled.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { createArchitecture } from '../../machines/architecture/architectureRuntime';
import { ecommerceScenario } from '../../machines/scenarios/ecommerce';
import { LogEntryView } from '../../src/features/log/LogEntryView';
import { EXPLANATIONS, explainEntry } from '../../src/model/explain/explanations';

function platform() {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  const architecture = createArchitecture(ecommerceScenario, { clock });
  return { clock, architecture };
}

describe('docker compose down', () => {
  it('stops each container gracefully, then removes it, dependants first, to the end', () => {
    const { clock, architecture } = platform();
    architecture.compose('down');
    for (let i = 0; i < 200 && architecture.getComposeProgress()?.status === 'running'; i++) clock.increment(250);

    expect(architecture.getComposeProgress()?.status).toBe('done');
    expect(architecture.containers.filter((c) => architecture.status(c.name) !== 'removed').map((c) => c.name)).toEqual([]);

    const entries = architecture.getLog().filter((e) => e.kind === 'compose');
    for (const { name } of architecture.containers) {
      const stop = entries.findIndex((e) => e.cli === `docker stop ${name}`);
      const remove = entries.findIndex((e) => e.cli.startsWith('docker rm') && e.cli.endsWith(` ${name}`));
      expect(stop, `${name} stopped`).toBeGreaterThanOrEqual(0);
      expect(remove, `${name} removed after its stop finished`).toBeGreaterThan(stop);
      // The removal finds a stopped container: no SIGKILL from rm -f.
      expect(entries[remove]!.events.map((e) => e.Action), name).toEqual(['destroy']);
      // Learn explains a plain removal, not a SIGKILL that never happened.
      expect(explainEntry(entries[remove]!), name).toBe(EXPLANATIONS.remove);
    }
    // api-gateway ignores SIGTERM: its stop ends with SIGKILL after the 10 s grace period.
    const gateway = entries.find((e) => e.cli === 'docker stop api-gateway')!;
    expect(gateway.events.filter((e) => e.Type === 'container').map((e) => e.Action)).toEqual(['kill', 'kill', 'die', 'stop']);
    architecture.stop();
  });

  it('stops the stores only after everything that depends on them is gone', () => {
    const { clock, architecture } = platform();
    architecture.compose('down');
    for (let i = 0; i < 200 && architecture.getComposeProgress()?.status === 'running'; i++) clock.increment(250);
    const entries = architecture.getLog().filter((e) => e.kind === 'compose');
    const removedAt = (name: string) => entries.findIndex((e) => e.cli.startsWith('docker rm') && e.cli.endsWith(` ${name}`));
    const stoppedAt = (name: string) => entries.findIndex((e) => e.cli === `docker stop ${name}`);
    for (const service of ecommerceScenario.services) {
      for (const dep of service.dependsOn) {
        expect(removedAt(service.name), `${service.name} gone before ${dep.service} stops`).toBeLessThan(stoppedAt(dep.service));
      }
    }
    architecture.stop();
  });
});

describe('a Compose run that fails on a daemon error', () => {
  it('logs the error Compose prints, with the daemon prefix once', () => {
    const { clock, architecture } = platform();
    // Compose starts every container whose State is not "running": a paused one too, and
    // the daemon refuses that start.
    architecture.send('redis', { type: 'pause' });
    architecture.compose('up');
    for (let i = 0; i < 200 && architecture.getComposeProgress()?.status === 'running'; i++) clock.increment(250);

    const end = architecture.getLog().at(-1)!;
    expect(end.cli).toBe('# docker compose up -d: failed');
    const html = renderToStaticMarkup(createElement(LogEntryView, { entry: end, nameOfId: () => undefined }));
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('Error response from daemon: cannot start a paused container');
    expect(text.match(/Error response from daemon/g)).toHaveLength(1);
    architecture.stop();
  });
});
