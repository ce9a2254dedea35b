/**
 * The zod schema of the parts of a Compose file this viewer uses (compose-spec
 * `05-services.md` and `schema/compose-spec.json`). It validates shapes and formats
 * only; `normalizeService.ts` turns a validated service into a `ServiceSpec`.
 *
 * - Unknown keys are allowed everywhere below the top level (Compose has many we
 *   ignore), and so are `x-*` extension fields.
 * - `null` (a key with an empty value) counts as "not set", as it does in Compose.
 * - Strings containing `${VAR}` interpolation pass format checks untouched: they are
 *   not resolved (see `interpolation.ts`).
 * - Every schema carries an `expected …` message; `issues.ts` appends `got …`.
 */
import { z } from 'zod';
import { describeValue } from './describe';
import { durationProblem, parseDuration } from './durations';
import { hasInterpolation } from './interpolation';
import { parsePortLong, parsePortShort, PORT_SYNTAX } from './ports';
import { parseRestart, RESTART_FORMS } from './restart';

/** Compose service names: compose-spec `^[a-zA-Z0-9._-]+$` (may start with a digit). */
export const SERVICE_NAME = /^[a-zA-Z0-9._-]+$/;

const DEPENDENCY_CONDITIONS = [
  'service_started',
  'service_healthy',
  'service_completed_successfully',
] as const;

const text = (what: string) => z.string({ error: `expected ${what}` });

const mapping = <Shape extends z.core.$ZodLooseShape>(shape: Shape, what = 'a mapping') =>
  z.looseObject(shape, { error: `expected ${what}` });

const boolOrText = (what: string) =>
  z.union([z.boolean(), z.string()], { error: `expected ${what}` });

/** A non-negative whole number, a numeric string, or an interpolated string. */
const count = (what: string) =>
  z.union([z.number(), z.string()], { error: `expected ${what}` }).superRefine((value, ctx) => {
    const ok =
      typeof value === 'number'
        ? Number.isInteger(value) && value >= 0
        : /^\s*\d+\s*$/.test(value) || hasInterpolation(value);
    if (!ok) ctx.addIssue({ code: 'custom', message: `expected ${what}, got ${describeValue(value)}` });
  });

const duration = text('a duration string with a unit, such as "10s", "1m30s" or "500ms"').superRefine(
  (value, ctx) => {
    if (hasInterpolation(value)) return;
    const ms = parseDuration(value);
    if (ms === null) ctx.addIssue({ code: 'custom', message: durationProblem(value) });
    else if (ms < 0) ctx.addIssue({ code: 'custom', message: `invalid duration "${value}": must not be negative` });
  },
);

const HEALTHCHECK_KINDS = ['CMD', 'CMD-SHELL', 'NONE'];

const healthcheckTest = z.union(
  [
    z.string(),
    z.array(text('a string')).superRefine((list, ctx) => {
      const first = list[0];
      if (first !== undefined && !HEALTHCHECK_KINDS.includes(first)) {
        ctx.addIssue({
          code: 'custom',
          path: [0],
          // compose-go `checkConsistency` wording.
          message: `healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE", got ${describeValue(first)}`,
        });
      }
    }),
  ],
  { error: 'expected a command string or a list such as ["CMD", "pg_isready"]' },
);

const healthcheck = mapping(
  {
    test: healthcheckTest.nullish(),
    interval: duration.nullish(),
    timeout: duration.nullish(),
    start_period: duration.nullish(),
    start_interval: duration.nullish(),
    retries: count('a whole number of retries').nullish(),
    disable: boolOrText('true or false').nullish(),
  },
  'a healthcheck mapping',
);

const dependsOnLong = mapping(
  {
    condition: z.enum(DEPENDENCY_CONDITIONS, {
      error: `expected one of ${DEPENDENCY_CONDITIONS.join(', ')}`,
    }),
    required: z.boolean({ error: 'expected true or false' }).nullish(),
    restart: boolOrText('true or false').nullish(),
  },
  'a mapping such as {condition: service_healthy}',
);

const dependsOn = z.union(
  [z.array(text('a service name (string)')), z.record(z.string(), dependsOnLong)],
  { error: 'expected a list of service names or a mapping of service name to {condition: ...}' },
);

const build = z.union(
  [
    text('a build context path'),
    mapping({
      context: text('a build context path').nullish(),
      dockerfile: text('a Dockerfile name').nullish(),
      target: text('a build stage name').nullish(),
    }),
  ],
  { error: 'expected a build context path or a mapping with "context"' },
);

const restart = z
  .union([z.string(), z.boolean()], { error: `expected ${RESTART_FORMS}` })
  .superRefine((value, ctx) => {
    if (parseRestart(value) !== null) return;
    if (typeof value === 'string' && hasInterpolation(value)) return;
    ctx.addIssue({ code: 'custom', message: `expected ${RESTART_FORMS}, got ${describeValue(value)}` });
  });

const portLong = mapping(
  {
    target: z.union([z.number(), z.string()], { error: 'expected a container port' }),
    published: z.union([z.string(), z.number()], { error: 'expected a host port' }).nullish(),
    host_ip: text('a host IP').nullish(),
    protocol: text('a protocol (tcp or udp)').nullish(),
  },
  'a port mapping',
);

const port = z
  .union([z.string(), z.number(), portLong], {
    error: `expected a port (${PORT_SYNTAX}) or a mapping with "target"`,
  })
  .superRefine((value, ctx) => {
    const parsed = typeof value === 'object' ? parsePortLong(value) : parsePortShort(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  });

const stringList = (item: string, items: string) => z.array(text(item), { error: `expected a list of ${items}` });

const environment = z.union(
  [
    z.array(text('a "KEY=value" string')),
    z.record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.null()], { error: 'expected a string, a number or a boolean' }),
    ),
  ],
  { error: 'expected a list of "KEY=value" strings or a mapping of KEY: value' },
);

const serviceNetworks = z.union(
  [z.array(text('a network name')), z.record(z.string(), mapping({}, 'a network attachment mapping').nullable())],
  { error: 'expected a list of network names or a mapping of network names' },
);

const serviceSchema = mapping(
  {
    image: text('an image reference').nullish(),
    build: build.nullish(),
    container_name: text('a container name').nullish(),
    depends_on: dependsOn.nullish(),
    restart: restart.nullish(),
    healthcheck: healthcheck.nullish(),
    deploy: mapping({ replicas: count('a whole number of replicas').nullish() }, 'a deploy mapping').nullish(),
    scale: count('a whole number of replicas').nullish(),
    profiles: stringList('a profile name', 'profile names').nullish(),
    ports: z.array(port, { error: 'expected a list of ports' }).nullish(),
    expose: z
      .array(z.union([z.string(), z.number()], { error: 'expected a port' }), { error: 'expected a list of ports' })
      .nullish(),
    networks: serviceNetworks.nullish(),
    environment: environment.nullish(),
    links: stringList('a service name or "service:alias"', 'service names').nullish(),
    volumes_from: stringList('a service name or "service:ro"', 'service names').nullish(),
    network_mode: text('a network mode such as "host" or "service:db"').nullish(),
  },
  'a service definition (a mapping)',
);

/** A service as the schema lets it through (before normalisation). */
export type RawService = z.infer<typeof serviceSchema>;

const namedMapping = (what: string) =>
  z.record(z.string(), z.unknown(), { error: `expected a mapping of ${what}` });

export const composeFileSchema = mapping(
  {
    name: z.union([z.string(), z.number()], { error: 'expected a project name' }).nullish(),
    services: z.record(z.string(), serviceSchema, {
      error: 'expected a mapping of service names to service definitions',
    }),
    networks: namedMapping('network names').nullish(),
    volumes: namedMapping('volume names').nullish(),
  },
  'a mapping',
);

