/**
 * fast-check arbitraries: random architectures (Compose-like specs) and random sequences
 * of Docker commands, process events, clock advances, Compose actions, scaling,
 * create/run and save → restore. Not a test file.
 */
import fc from 'fast-check';
import type {
  ArchitectureSpec,
  ComposeAction,
  ContainerCommand,
  ContainerEvent,
  ContainerInput,
  DependencySpec,
  HealthcheckSpec,
  ProcessSpec,
  RestartPolicy,
  ServiceSpec,
} from '../../machines';

const restartPolicyArb: fc.Arbitrary<RestartPolicy> = fc.oneof(
  fc.constantFrom<RestartPolicy>('no', 'always', 'unless-stopped', 'on-failure'),
  fc.integer({ min: 0, max: 5 }).map((n): RestartPolicy => `on-failure:${n}`),
);

const processArb: fc.Arbitrary<ProcessSpec> = fc.record({
  onStopSignal: fc.constantFrom<ProcessSpec['onStopSignal']>('exits', 'graceful', 'ignores'),
  // Around the default 10 s grace period, so both graceful exits and SIGKILL after the grace happen.
  shutdownMs: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 20_000 })),
  exitCode: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 })),
});

/**
 * Health checks with small intervals (0 = Docker's default, 30 s / 5 s), so probes run
 * often in simulated time without a timer storm.
 */
const healthcheckArb: fc.Arbitrary<HealthcheckSpec> = fc.record(
  {
    test: fc.constantFrom('pg_isready -U postgres', 'curl -f http://localhost/', 'redis-cli ping'),
    intervalMs: fc.oneof(fc.constant(0), fc.integer({ min: 200, max: 5_000 })),
    timeoutMs: fc.integer({ min: 0, max: 3_000 }),
    startPeriodMs: fc.integer({ min: 0, max: 8_000 }),
    startIntervalMs: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 2_000 })),
    retries: fc.integer({ min: 0, max: 4 }),
  },
  { requiredKeys: ['test'] },
);

const conditionArb = fc.constantFrom<DependencySpec['condition']>('service_started', 'service_started', 'service_healthy', 'service_completed_successfully');

interface ServiceDraft {
  name: string;
  replicas: number;
  restartPolicy: RestartPolicy;
  process: ProcessSpec;
  healthcheck: HealthcheckSpec | null;
  containerName: boolean;
  deps: Array<{ to: number; condition: DependencySpec['condition']; required: boolean; restart: boolean }>;
  profile: boolean;
}

/** Compose service names: [a-zA-Z0-9._-], may start with a digit (built once: `stringMatching` is costly to build). */
const serviceNameArb = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,6}$/);
const draftCache = new Map<number, fc.Arbitrary<ServiceDraft>>();

function serviceDraftArb(index: number): fc.Arbitrary<ServiceDraft> {
  const cached = draftCache.get(index);
  if (cached) return cached;
  const arb = fc.record({
    // The `-<index>` suffix keeps names unique (the index has no `-`).
    name: serviceNameArb.map((s) => `${s}-${index}`),
    replicas: fc.integer({ min: 1, max: 3 }),
    restartPolicy: restartPolicyArb,
    process: processArb,
    healthcheck: fc.option(healthcheckArb, { freq: 2 }),
    containerName: fc.boolean(),
    // Only services with a lower index: the dependency graph is acyclic by construction.
    deps: index === 0
      ? fc.constant<ServiceDraft['deps']>([])
      : fc.uniqueArray(
          fc.record({ to: fc.integer({ min: 0, max: index - 1 }), condition: conditionArb, required: fc.boolean(), restart: fc.boolean() }),
          { maxLength: Math.min(3, index), selector: (d) => d.to },
        ),
    profile: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  });
  draftCache.set(index, arb);
  return arb;
}

/** Random architectures: 2–40 services, 1–3 replicas, policies, stop behaviours, health checks, acyclic depends_on. */
export const specArb = (maxServices = 40): fc.Arbitrary<ArchitectureSpec> =>
  fc
    .integer({ min: 2, max: maxServices })
    .chain((n) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: n }, (_, i) => serviceDraftArb(i))),
        fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
        fc.constantFrom('shop', 'demo_1', 'a.b-c'),
        fc.boolean(),
      ),
    )
    .map(([drafts, order, project, profileActive]) => {
      const services: ServiceSpec[] = drafts.map((d) => {
        const replicas = d.containerName ? 1 : d.replicas;
        const service: ServiceSpec = {
          name: d.name,
          image: `${d.name}:latest`,
          replicas,
          restartPolicy: d.restartPolicy,
          process: d.process,
          dependsOn: d.deps.map((dep) => ({
            service: drafts[dep.to]?.name ?? '',
            condition: dep.condition,
            required: dep.required,
            restart: dep.restart,
            via: 'depends_on' as const,
          })),
          profiles: d.profile ? ['debug'] : [],
          ports: [],
          expose: [],
          networks: ['default'],
          environment: {},
        };
        if (d.healthcheck) service.healthcheck = d.healthcheck;
        if (d.containerName) service.containerName = `${d.name}_fixed`;
        return service;
      });
      return {
        project,
        services: order.map((i) => services[i] as ServiceSpec),
        networks: ['default'],
        volumes: [],
        activeProfiles: profileActive ? ['debug'] : [],
      };
    });

const timeoutArb = fc.option(fc.oneof(fc.integer({ min: 0, max: 15 }), fc.constant(-1)), { freq: 2 });
const signalArb = fc.option(
  fc.constantFrom('SIGTERM', 'SIGHUP', 'SIGKILL', 'SIGBOGUS', 'TERM', '15', '9', 'hup', 'SIGINT', 'SIGUSR1', 'SIGCHLD', '0', '99', ''),
  { freq: 4 },
);

/** Every Docker command with its options (`docker start|stop [-t]|kill [-s]|pause|unpause|restart [-t]|rm [-f]`). */
const commandArb: fc.Arbitrary<ContainerCommand> = fc.oneof(
  fc.constant({ type: 'start' as const }),
  timeoutArb.map((t) => (t === null ? { type: 'stop' as const } : { type: 'stop' as const, timeoutSeconds: t })),
  signalArb.map((s) => (s === null ? { type: 'kill' as const } : { type: 'kill' as const, signal: s })),
  fc.constant({ type: 'pause' as const }),
  fc.constant({ type: 'unpause' as const }),
  timeoutArb.map((t) => (t === null ? { type: 'restart' as const } : { type: 'restart' as const, timeoutSeconds: t })),
  fc.constant({ type: 'remove' as const }),
  fc.constant({ type: 'remove' as const, force: true }),
  // `docker update --restart`, with a few policies Docker refuses.
  fc
    .oneof({ weight: 4, arbitrary: restartPolicyArb }, { weight: 1, arbitrary: fc.constantFrom('sometimes', 'always:2', 'on-failure:-1', 'no:1') })
    .map((restartPolicy) => ({ type: 'update' as const, restartPolicy: restartPolicy as RestartPolicy })),
);

/** Process events (`exit` with 0–255, `oom`) and the probe knob. */
const processEventArb: fc.Arbitrary<ContainerEvent> = fc.oneof(
  fc.oneof(fc.constantFrom(0, 1, 137, 143), fc.integer({ min: 0, max: 255 })).map((exitCode) => ({ type: 'exit' as const, exitCode })),
  fc.constant({ type: 'oom' as const }),
  fc.constantFrom('pass' as const, 'fail' as const).map((result) => ({ type: 'probe' as const, result })),
);

/** Clock advances 0–70 000 ms, mostly short so that several commands meet one back-off or probe. */
const advanceArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 600 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 70_000 }) },
);

const composeActionArb = fc.constantFrom<ComposeAction>('up', 'stop', 'down', 'restart', 'pause', 'unpause', 'kill', 'start');

/** One step of an architecture run. Targets are indexes, resolved modulo the current containers/services. */
export type ArchStep =
  | { k: 'send'; target: number; event: ContainerEvent }
  | { k: 'missing'; event: ContainerEvent }
  | { k: 'timed'; target: number; event: ContainerEvent }
  | { k: 'advance'; ms: number }
  | { k: 'compose'; action: ComposeAction; wait: boolean }
  | { k: 'scale'; service: number; replicas: number }
  | { k: 'create' | 'run'; service: number; replica: number }
  | { k: 'restore' };

const target = fc.nat({ max: 10_000 });

export const archStepArb: fc.Arbitrary<ArchStep> = fc.oneof(
  { weight: 30, arbitrary: fc.record({ k: fc.constant('send' as const), target, event: commandArb }) },
  { weight: 12, arbitrary: fc.record({ k: fc.constant('send' as const), target, event: processEventArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('missing' as const), event: fc.oneof(commandArb, processEventArb) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('timed' as const),
      target,
      event: fc.oneof(commandArb, fc.constant<ContainerEvent>({ type: 'stop' }), fc.constant<ContainerEvent>({ type: 'restart' })),
    }),
  },
  { weight: 14, arbitrary: fc.record({ k: fc.constant('advance' as const), ms: advanceArb }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('compose' as const), action: composeActionArb, wait: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('scale' as const), service: target, replicas: fc.integer({ min: 0, max: 3 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constantFrom('create' as const, 'run' as const), service: target, replica: fc.integer({ min: 1, max: 3 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'restore' as const }) },
);

/** A single container's input (docs/contracts.md §1 `containerMachine` input). */
export const containerInputArb: fc.Arbitrary<ContainerInput> = fc
  .record(
    {
      name: fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/),
      image: fc.constantFrom('nginx:alpine', 'postgres:16', 'node:20-alpine'),
      id: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')),
      restartPolicy: restartPolicyArb,
      healthcheck: healthcheckArb,
      process: processArb,
      labels: fc.dictionary(fc.constantFrom('tier', 'com.example.team'), fc.constantFrom('web', 'db')),
    },
    { requiredKeys: ['name', 'image', 'id'] },
  );

/** One step of a single-container run: any event of the catalogue, or a clock advance. */
export type ContainerStep = { k: 'event'; event: ContainerEvent } | { k: 'advance'; ms: number };

export const containerStepArb: fc.Arbitrary<ContainerStep> = fc.oneof(
  { weight: 8, arbitrary: commandArb.map((event) => ({ k: 'event' as const, event })) },
  { weight: 5, arbitrary: processEventArb.map((event) => ({ k: 'event' as const, event })) },
  { weight: 1, arbitrary: fc.constant({ k: 'event' as const, event: { type: 'daemon.restore' as const } }) },
  // Exit codes outside the wait status byte: refused, nothing changes.
  {
    weight: 1,
    arbitrary: fc.constantFrom(256, -1, 1.5, 1000).map((exitCode) => ({ k: 'event' as const, event: { type: 'exit' as const, exitCode } })),
  },
  { weight: 4, arbitrary: advanceArb.map((ms) => ({ k: 'advance' as const, ms })) },
);
