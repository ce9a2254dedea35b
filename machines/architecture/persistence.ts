/**
 * Saving and restoring a whole architecture (every container's snapshot, spawned
 * children included) as JSON, for localStorage and shareable links.
 *
 * XState's `getPersistedSnapshot()` keeps child snapshots but not delayed events, so a
 * restored architecture sends `daemon.restore` to each container to re-arm its timers
 * (see `Architecture`). Input is untrusted: it is parsed and validated with zod before
 * any actor sees it; a bad save is rejected with a reason and nothing changes.
 */
import { z } from 'zod';
import { EXIT_CODE_MAX, EXIT_CODE_MIN } from '../container/exitCode';
import { SAVE_FORMAT, SAVE_VERSION, type SavedArchitecture } from './saveFormat';
import { EMPTY_STOPS } from './pendingStops';

;
/** Saves larger than this (characters) are refused: 2 MB. */
const SAVE_MAX_CHARS = 2_000_000;


/** The schema, built on first use: importing this module (the runtime does) builds nothing. */
let savedSchemaCache: ReturnType<typeof buildSavedSchema> | null = null;

function buildSavedSchema() {
  const stateValue = z.union([
    z.enum(['created', 'paused', 'stopped', 'removed']),
    z.object({ running: z.enum(['up', 'restarting']) }).strict(),
  ]);

  const containerContext = z
    .object({
      id: z.string().regex(/^[0-9a-f]{64}$/),
      name: z.string().min(1).max(255),
      image: z.string().max(512),
      labels: z.record(z.string(), z.string()),
      network: z.string(),
      restartPolicy: z.object({ name: z.enum(['no', 'always', 'unless-stopped', 'on-failure']), maximumRetryCount: z.number().int().min(0) }),
      healthcheck: z.unknown(),
      health: z.unknown(),
      probePassing: z.boolean(),
      process: z.object({
        onStopSignal: z.enum(['exits', 'graceful', 'ignores']),
        shutdownMs: z.number().min(0),
        exitCode: z.number().int().min(EXIT_CODE_MIN).max(EXIT_CODE_MAX),
        completesAfterMs: z.number().min(0).default(0),
        completionExitCode: z.number().int().min(EXIT_CODE_MIN).max(EXIT_CODE_MAX).default(0),
      }),
      pid: z.number().int().min(0),
      exitCode: z.number().int().min(EXIT_CODE_MIN).max(EXIT_CODE_MAX),
      error: z.string(),
      oomKilled: z.boolean(),
      startedAt: z.number().nullable(),
      finishedAt: z.number().nullable(),
      // Absent in saves made before it existed (issue 14): then FinishedAt is the best guess.
      exitedAt: z.number().nullable().default(null),
      restartCount: z.number().int().min(0),
      restartDelayMs: z.number().min(0),
      manuallyStopped: z.boolean(),
      restartCancelled: z.boolean(),
      startCount: z.number().int().min(0),
    })
    .passthrough();

  const childSnapshot = z
    .object({
      src: z.literal('container'),
      snapshot: z.object({ status: z.enum(['active', 'done']), value: stateValue, context: containerContext }).passthrough(),
    })
    .passthrough();

  const serviceSchema = z
    .object({
      name: z.string().min(1),
      image: z.string(),
      replicas: z.number().int().min(0).max(100),
      restartPolicy: z.string(),
      dependsOn: z.array(z.object({ service: z.string(), condition: z.string(), required: z.boolean(), restart: z.boolean(), via: z.string() }).passthrough()),
      profiles: z.array(z.string()),
    })
    .passthrough();

  const savedSchema = z.object({
    format: z.literal(SAVE_FORMAT),
    version: z.number().int(),
    savedAt: z.number(),
    compose: z.enum(['up', 'start']).optional(),
    spec: z.object({ project: z.string().min(1), services: z.array(serviceSchema).min(1).max(2000) }).passthrough(),
    snapshot: z
      .object({
        status: z.literal('active'),
        context: z.object({
          containers: z.array(z.object({ id: z.string(), name: z.string(), service: z.string(), replica: z.number().int().min(1) })),
        }).passthrough(),
        children: z.record(z.string(), childSnapshot),
      })
      .passthrough(),
  });
  return savedSchema;
}

/** Result of reading a save: the validated save, or why it was refused. */
export type ParseSavedResult = { ok: true; saved: SavedArchitecture } | { ok: false; error: string };

/**
 * Parses and validates a save (a JSON string or an already-parsed value). Refuses:
 * non-JSON (with the parser's position), another format, another version ("saved by
 * format version N; this version reads 1"), and any shape or value the machines could
 * not hold (with the path of the first problem). Never throws.
 */
export function parseSavedArchitecture(input: unknown): ParseSavedResult {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > SAVE_MAX_CHARS) return { ok: false, error: `saved state is too large: ${input.length} characters (limit ${SAVE_MAX_CHARS})` };
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: `saved state is not valid JSON: ${(e as Error).message}` };
    }
  }
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'saved state is not an object' };
  const head = value as { format?: unknown; version?: unknown };
  if (head.format !== SAVE_FORMAT) return { ok: false, error: `not a saved architecture (format ${JSON.stringify(head.format) ?? 'missing'})` };
  if (head.version !== SAVE_VERSION) {
    return { ok: false, error: `saved by format version ${JSON.stringify(head.version)}; this version reads ${SAVE_VERSION}` };
  }
  const parsed = (savedSchemaCache ??= buildSavedSchema()).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    return { ok: false, error: `saved state is corrupt at ${where}: ${issue?.message ?? 'invalid'}` };
  }
  const saved = parsed.data as unknown as SavedArchitecture;
  const snapshot = parsed.data.snapshot;
  // A stop in its grace period is not restored (XState does not persist its delayed
  // event): the container comes back as Docker showed it, running.
  snapshot.context['pending'] = EMPTY_STOPS;
  for (const entry of snapshot.context.containers) {
    const child = snapshot.children[entry.id];
    if (!child) return { ok: false, error: `saved state is corrupt: container ${entry.name} has no snapshot` };
    if (child.snapshot.context.name !== entry.name) {
      return { ok: false, error: `saved state is corrupt: container ${entry.id} is named ${child.snapshot.context.name}, expected ${entry.name}` };
    }
  }
  return { ok: true, saved };
}
