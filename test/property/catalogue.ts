/**
 * Every event of the container machine (docs/contracts.md §1) with the option variants the
 * properties use, plus the known-bug switches. Not a test file.
 */
import { createActor, SimulatedClock } from 'xstate';
import { Architecture, containerMachine, type ArchitectureSpec, type ContainerEvent, type RestartPolicy, type ServiceSpec } from '../../machines';

/** One of each command and process event, with options: what a UI could ask `can()` about. */
export const EVENT_CATALOGUE: readonly ContainerEvent[] = [
  { type: 'start' },
  { type: 'stop' },
  { type: 'stop', timeoutSeconds: 0 },
  { type: 'stop', timeoutSeconds: -1 },
  { type: 'kill' },
  { type: 'kill', signal: 'SIGTERM' },
  { type: 'kill', signal: 'SIGHUP' },
  { type: 'kill', signal: 'SIGKILL' },
  { type: 'kill', signal: 'SIGBOGUS' },
  { type: 'pause' },
  { type: 'unpause' },
  { type: 'restart' },
  { type: 'restart', timeoutSeconds: 1 },
  { type: 'remove' },
  { type: 'remove', force: true },
  { type: 'exit', exitCode: 0 },
  { type: 'exit', exitCode: 1 },
  { type: 'exit', exitCode: 255 },
  { type: 'oom' },
  { type: 'probe', result: 'pass' },
  { type: 'probe', result: 'fail' },
  { type: 'daemon.restore' },
  { type: 'update', restartPolicy: 'always' },
  { type: 'update', restartPolicy: 'on-failure:2' },
  { type: 'update', restartPolicy: 'sometimes' as RestartPolicy },
];

/** The event types that are commands or process events (not XState-internal events). */
export const COMMAND_TYPES: ReadonlySet<string> = new Set(EVENT_CATALOGUE.map((e) => e.type));

function service(name: string, dependsOn: ServiceSpec['dependsOn'] = []): ServiceSpec {
  return {
    name, image: `${name}:1`, containerName: name, replicas: 1, restartPolicy: 'no', dependsOn,
    profiles: [], ports: [], expose: [], networks: ['default'], environment: {},
  };
}

/** `web` depends on `db` (no health check) with `condition: service_healthy, required: false`. */
const OPTIONAL_DEPENDENCY_SPEC: ArchitectureSpec = {
  project: 'shop',
  services: [
    service('db'),
    service('web', [{ service: 'db', condition: 'service_healthy', required: false, restart: false, via: 'depends_on' }]),
  ],
  networks: ['default'],
  volumes: [],
  activeProfiles: [],
};

/** `web` depends on `db` with `condition: service_completed_successfully`, `restart: false`. */
const COMPLETED_DEPENDENCY_SPEC: ArchitectureSpec = {
  ...OPTIONAL_DEPENDENCY_SPEC,
  services: [
    service('db'),
    service('web', [{ service: 'db', condition: 'service_completed_successfully', required: true, restart: false, via: 'depends_on' }]),
  ],
};

/**
 * Bugs found by these properties, each reproduced in `knownBugs.test.ts`. Each flag is
 * computed by running the minimal reproduction, so once the bug is fixed the flag turns
 * false by itself and the properties check that rule strictly again.
 */
export const KNOWN_BUGS = {
  /**
   * A removed container with a health check answers `can({ type: 'probe', … })` true:
   * the root-level `probe` transition still matches on the final `removed` state.
   */
  probeCanOnRemoved: (() => {
    const actor = createActor(containerMachine, {
      input: { name: 'web', image: 'nginx', healthcheck: { test: 'true' } },
      clock: new SimulatedClock(),
    }).start();
    actor.send({ type: 'remove' });
    const can = actor.getSnapshot().can({ type: 'probe', result: 'fail' });
    actor.stop();
    return can;
  })(),
  /**
   * `docker compose up|start` ends the whole run ("done", no error) at the first
   * `required: false` dependency whose condition fails, instead of skipping that
   * dependency with a warning and going on (§6); the dependent and every later service
   * are never started.
   */
  composeOptionalDependencyEndsRun: (() => {
    const clock = new SimulatedClock();
    const arch = new Architecture(OPTIONAL_DEPENDENCY_SPEC, { clock });
    arch.send('db', { type: 'stop' });
    arch.send('web', { type: 'stop' });
    arch.compose('start');
    for (let i = 0; i < 10; i++) clock.increment(1_000);
    const status = arch.status('web');
    arch.stop();
    return status !== 'running';
  })(),
  /**
   * A Compose run that ends while it is visiting services (a failed start/restart, an
   * optional dependency) logs its `# docker compose …: done|failed` line twice and tells
   * `onCompose` listeners twice: `forward()` emits progress again after `end()`.
   */
  composeCompletionLoggedTwice: (() => {
    // web requires db healthy; db has no health check: `compose up` fails while visiting.
    const clock = new SimulatedClock();
    const required = { ...OPTIONAL_DEPENDENCY_SPEC, services: [service('db'), service('web', [{ service: 'db', condition: 'service_healthy' as const, required: true, restart: false, via: 'depends_on' as const }])] };
    const arch = new Architecture(required, { clock, up: false });
    arch.compose('up');
    for (let i = 0; i < 5; i++) clock.increment(1_000);
    const completions = arch.getLog().filter((e) => e.cli.startsWith('# docker compose up')).length;
    arch.stop();
    return completions > 1;
  })(),
  /**
   * `docker compose restart` orders and waits on every `depends_on` entry, not only those
   * with `restart: true` (§6 restart row), so a dependent of a one-shot dependency
   * (`service_completed_successfully`, `restart: false`) waits forever and is never restarted.
   */
  /**
   * A timed `docker stop|restart` (`Architecture.send`) is bound to the container name, not to the
   * container: if the container is removed and a new one takes its name before the grace
   * period ends, the pending command stops (or restarts) the new container.
   */
  pendingCommandHitsNewContainer: (() => {
    const clock = new SimulatedClock();
    const slow: ServiceSpec = { ...service('web'), process: { onStopSignal: 'ignores' } };
    const arch = new Architecture({ ...OPTIONAL_DEPENDENCY_SPEC, services: [slow] }, { clock });
    arch.send('web', { type: 'stop' });
    arch.send('web', { type: 'remove', force: true });
    arch.run('web');
    clock.increment(10_000);
    const status = arch.status('web');
    arch.stop();
    return status !== 'running';
  })(),
  composeRestartWaitsOnNonRestartDependency: (() => {
    const clock = new SimulatedClock();
    const arch = new Architecture(COMPLETED_DEPENDENCY_SPEC, { clock });
    arch.compose('restart');
    for (let i = 0; i < 10; i++) clock.increment(1_000);
    const stuck = arch.getComposeProgress()?.status === 'running';
    arch.stop();
    return stuck;
  })(),
};
