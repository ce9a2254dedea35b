/**
 * Minimal reproductions of the bugs the property tests (lifecycle.property.test.ts) found
 * in `machines/`. Each test states Docker's behaviour as docs/docker-behaviour.md gives it, so
 * it fails while its bug is there and passes once it is fixed; the comment in each test
 * says what the machines did when the bug was found. While `KNOWN_BUGS` (catalogue.ts)
 * still detects a bug, the properties skip (and count) that symptom so that they keep
 * looking for new ones; once it is fixed they check it strictly again by themselves.
 */
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import {
  Architecture,
  commandError,
  containerMachine,
  outcomeOf,
  type ArchitectureSpec,
  type ContainerEvent,
  type ServiceSpec,
} from '../../machines';

function service(name: string, dependsOn: ServiceSpec['dependsOn'] = [], extra: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name, image: `${name}:1`, containerName: name, replicas: 1, restartPolicy: 'no', dependsOn,
    profiles: [], ports: [], expose: [], networks: ['default'], environment: {}, ...extra,
  };
}

function spec(...services: ServiceSpec[]): ArchitectureSpec {
  return { project: 'shop', services, networks: ['default'], volumes: [], activeProfiles: [] };
}

const dependsOn = (on: string, condition: ServiceSpec['dependsOn'][number]['condition'], options: { required?: boolean; restart?: boolean } = {}) => ({
  service: on,
  condition,
  required: options.required ?? true,
  restart: options.restart ?? false,
  via: 'depends_on' as const,
});

describe('compose bugs found at 13fa622 (fixed in the working tree of composeRun.ts since)', () => {
  it('compose-optional-dependency: `compose up` skips a failing `required: false` dependency and goes on (§6)', () => {
    // web depends on db (no health check) with condition service_healthy, required: false;
    // proxy depends on web. Compose warns "optional dependency "db" is not running or is
    // unhealthy" and starts web, then proxy (§6: "required:false → skipped with a warning").
    const clock = new SimulatedClock();
    const arch = new Architecture(
      spec(service('db'), service('web', [dependsOn('db', 'service_healthy', { required: false })]), service('proxy', [dependsOn('web', 'service_started')])),
      { clock, up: false },
    );
    arch.compose('up');
    for (let i = 0; i < 10; i++) clock.increment(1_000);
    const progress = arch.getComposeProgress();
    const result = { status: progress?.status, db: arch.status('db'), web: arch.status('web'), proxy: arch.status('proxy') };
    arch.stop();
    // Was: { status: 'done', db: 'running', web: 'created', proxy: 'created' }: the run
    // ended, without an error, at the optional dependency (composeRun.ts `waitThenAct`:
    // `this.end(dependency.required ? verdict.message : undefined)`).
    expect(result).toEqual({ status: 'done', db: 'running', web: 'running', proxy: 'running' });
  });

  it('compose-restart-dependencies: `compose restart` ignores depends_on entries without `restart: true` (§6)', () => {
    // web depends on the one-shot db (service_completed_successfully) with restart: false.
    // §6 restart row: "Only depends_on entries with restart: true are kept for
    // ordering/propagation", so both containers are restarted and the run ends.
    const clock = new SimulatedClock();
    const arch = new Architecture(spec(service('db'), service('web', [dependsOn('db', 'service_completed_successfully')])), { clock });
    arch.compose('restart');
    for (let i = 0; i < 60; i++) clock.increment(1_000);
    const progress = arch.getComposeProgress();
    const restarted = arch.getLog().filter((e) => e.kind === 'compose' && e.cli.startsWith('docker restart')).map((e) => e.container);
    const result = { status: progress?.status, waiting: progress?.active.map((a) => a.waitingFor), restarted };
    arch.stop();
    // Was: { status: 'running', waiting: ['waiting for db to complete'], restarted: ['db'] }
    // after 60 s: the run waits forever for the restarted db to exit.
    expect(result).toEqual({ status: 'done', waiting: [], restarted: ['db', 'web'] });
  });

  it('compose-completion-twice: a Compose run that fails while visiting services logs its end once', () => {
    // web requires db healthy, but db has no health check: `compose up` fails with
    // "dependency failed to start: container db has no healthcheck configured".
    const clock = new SimulatedClock();
    const arch = new Architecture(spec(service('db'), service('web', [dependsOn('db', 'service_healthy')])), { clock, up: false });
    const finals: string[] = [];
    arch.onCompose((p) => {
      if (p && p.status !== 'running') finals.push(p.status);
    });
    arch.compose('up');
    for (let i = 0; i < 5; i++) clock.increment(1_000);
    const ends = arch.getLog().filter((e) => e.cli.startsWith('# docker compose up')).map((e) => `${e.cli} ${e.message ?? ''}`);
    arch.stop();
    // Was: the `failed` line twice, and listeners told twice (composeRun.ts `forward()`
    // calls `this.emit()` after `end()` already emitted).
    expect(ends).toEqual(['# docker compose up -d: failed dependency failed to start: container db has no healthcheck configured']);
    expect(finals).toEqual(['failed']);
  });
});

describe('container and runtime bugs found and fixed during this work', () => {
  it('a removed container with a health check accepts no probe: can() false (fixed in b77cda4)', () => {
    // Found at cfdd200: the root-level `probe` transition still matched in the final
    // `removed` state, so can({ type: 'probe' }) was true for a container that no longer exists.
    const actor = createActor(containerMachine, {
      input: { name: 'web', image: 'nginx', healthcheck: { test: 'curl -f http://localhost/' } },
      clock: new SimulatedClock(),
    }).start();
    actor.send({ type: 'start' });
    actor.send({ type: 'remove', force: true });
    const snapshot = actor.getSnapshot();
    for (const result of ['pass', 'fail'] as const) {
      const event: ContainerEvent = { type: 'probe', result };
      expect(snapshot.can(event)).toBe(false);
      expect(commandError(snapshot, event)).toBe('No such container: web');
    }
  });

  it('an exit code outside 0–255 is refused with a reason, not accepted as a no-change (fixed in b77cda4)', () => {
    // Found at cfdd200: commandError was null (accepted) while the machine ignored the event,
    // so can() and the daemon's answer disagreed and the log showed "ok" with no events.
    const actor = createActor(containerMachine, { input: { name: 'web', image: 'nginx' }, clock: new SimulatedClock() }).start();
    actor.send({ type: 'start' });
    for (const exitCode of [256, -1, 1.5]) {
      const event: ContainerEvent = { type: 'exit', exitCode };
      expect(actor.getSnapshot().can(event)).toBe(false);
      expect(outcomeOf(actor.getSnapshot(), event).kind).toBe('error');
    }
  });

  it('a timed `docker stop` never stops the container that later takes the name (fixed in 13fa622)', () => {
    // `docker stop web` on a process that ignores SIGTERM waits the 10 s grace period.
    // Meanwhile web is force-removed and `docker run --name web` starts a new container.
    // Docker resolved the name to the old container when the stop began (§2.1 stop), so
    // the new container keeps running.
    const clock = new SimulatedClock();
    const arch = new Architecture(spec(service('web', [], { process: { onStopSignal: 'ignores' } })), { clock });
    arch.send('web', { type: 'stop' });
    expect(arch.getPending().has('web')).toBe(true);
    arch.send('web', { type: 'remove', force: true }); // or `docker compose down`
    arch.run('web'); // or `docker compose up`
    clock.increment(10_000);
    const last = arch.getLog().at(-1);
    const result = { status: arch.status('web'), last: `${last?.cli} ${last?.outcome} ${last?.events.map((e) => e.Action).join(',')}` };
    arch.stop();
    // Found at b77cda4: { status: 'exited', last: 'docker stop web ok kill,kill,disconnect,die,stop' }:
    // `sendTimed` re-sent the command by name when the timer fired.
    expect(result.status).toBe('running');
  });
});
