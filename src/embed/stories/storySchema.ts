/**
 * A story: an ordered list of steps to present the lifecycle, one key press each.
 * Written as data (built-ins in `builtinStories.ts`) or in a small JSON/YAML file
 * (`story=<url>`), validated here with zod. The first problem is reported with its path
 * (`steps[2].command.type`). Pure.
 *
 * Step kinds:
 * - `{ container, command }`: a Docker command or process event on one container
 *   (`'stop'` or `{ type: 'stop', timeoutSeconds: 2 }`), or `'create'` / `'run'` for the
 *   container's slot (`docker create` / `docker run -d` after a removal);
 * - `{ compose: 'up' }`: a `docker compose` action, run to its end;
 * - `{ crash: container, exitCode }`: the main process exits by itself (default code 1);
 * - `{ wait: ms }`: simulated time passes (restart back-offs, stop grace periods).
 * Every step may carry a `caption`, shown over the canvas while that step is the last one applied.
 */
import { EXIT_CODE_MAX, EXIT_CODE_MIN, scenarios, type ComposeAction, type ContainerEvent } from '../../../machines';
import { formatPath } from '../../model/compose/composeError';
import { z } from '../../model/validation/zod';
import { composeActionSchema, containerEventSchema } from '../containerEventSchema';

type StoryCommand = ContainerEvent | { type: 'create' } | { type: 'run' };

export type StoryStep =
  | { container: string; command: StoryCommand; caption?: string }
  | { compose: ComposeAction; caption?: string }
  | { crash: string; exitCode: number; caption?: string }
  | { wait: number; caption?: string };

export interface Story {
  /** Short id (built-ins: `typical-flow`, …). */
  id?: string;
  title: string;
  /** Shown before the first step. */
  description?: string;
  /** Built-in scenario the story runs on. Default `ecommerce`. */
  scenario?: string;
  steps: StoryStep[];
}

/** Most steps in a story. */
const MAX_STORY_STEPS = 500;

const containerName = z.string().check(z.regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, { message: 'expected a container name' }));
const caption = z.optional(z.string().check(z.maxLength(1000, { message: 'a caption is at most 1000 characters' })));
const SHORTHANDS = ['start', 'stop', 'kill', 'pause', 'unpause', 'restart', 'remove', 'create', 'run'] as const;

const shorthandSchema = z.pipe(
  z.enum(SHORTHANDS),
  z.transform((type: (typeof SHORTHANDS)[number]): StoryCommand => ({ type }) as StoryCommand),
);
const slotCommandSchema = z.strictObject({ type: z.enum(['create', 'run']) });

/** The schema that applies to a command value (so errors point inside the right shape). */
function commandSchemaFor(value: unknown) {
  if (typeof value === 'string') return shorthandSchema;
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  return type === 'create' || type === 'run' ? slotCommandSchema : containerEventSchema;
}

const STEP_SCHEMAS = {
  container: z.strictObject({ container: containerName, command: z.optional(z.unknown()), caption }),
  compose: z.strictObject({ compose: composeActionSchema, caption }),
  crash: z.strictObject({ crash: containerName, exitCode: z._default(z.number().check(z.int(), z.minimum(EXIT_CODE_MIN), z.maximum(EXIT_CODE_MAX)), 1), caption }),
  wait: z.strictObject({
    wait: z.number({ message: 'expected milliseconds' }).check(z.int(), z.minimum(0), z.maximum(24 * 3600 * 1000, { message: 'at most a day (86400000 ms)' })),
    caption,
  }),
} as const;

const storyHead = z.strictObject({
  id: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, { message: 'expected lower-case letters, digits and dashes' }))),
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  description: z.optional(z.string().check(z.maxLength(2000))),
  scenario: z.optional(
    z.string().check(z.refine((id) => Object.hasOwn(scenarios, id), { message: `expected a built-in scenario (${Object.keys(scenarios).join(', ')})` })),
  ),
  steps: z.array(z.unknown()).check(z.minLength(1, { message: 'a story needs at least one step' }), z.maxLength(MAX_STORY_STEPS)),
});

export type ParseStoryResult = { ok: true; story: Story } | { ok: false; error: string };

type Path = ReadonlyArray<string | number>;

function fail(where: string | undefined, path: Path, message: string): ParseStoryResult {
  const at = path.length > 0 ? formatPath(path) : '(top level)';
  return { ok: false, error: `${where ? `${where}: ` : ''}${at}: ${message}` };
}

function firstIssue(error: z.core.$ZodError): { path: Path; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: [], message: 'invalid' };
  // An unrecognised key is reported on its object with the key in `keys`.
  if (issue.code === 'unrecognized_keys') {
    return { path: issue.path as Path, message: `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  return { path: issue.path as Path, message: issue.message };
}

function parseStep(raw: unknown, index: number, where: string | undefined): { ok: true; step: StoryStep } | { ok: false; error: string } {
  const base: Path = ['steps', index];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(where, base, 'expected a step object ({ container, command }, { compose }, { crash } or { wait })') as { ok: false; error: string };
  }
  const kinds = (['container', 'compose', 'crash', 'wait'] as const).filter((k) => Object.hasOwn(raw, k));
  if (kinds.length !== 1) {
    const message =
      kinds.length === 0
        ? 'a step needs one of "container" (with "command"), "compose", "crash" or "wait"'
        : `a step has one kind; found ${kinds.map((k) => `"${k}"`).join(' and ')}`;
    return fail(where, base, message) as { ok: false; error: string };
  }
  const kind = kinds[0]!;
  const parsed = STEP_SCHEMAS[kind].safeParse(raw);
  if (!parsed.success) {
    const { path, message } = firstIssue(parsed.error);
    return fail(where, [...base, ...path], message) as { ok: false; error: string };
  }
  if (kind !== 'container') return { ok: true, step: parsed.data as StoryStep };
  const data = parsed.data as { container: string; command: unknown; caption?: string };
  if (data.command === undefined) return fail(where, [...base, 'command'], 'a container step needs a "command"') as { ok: false; error: string };
  const command = commandSchemaFor(data.command).safeParse(data.command);
  if (!command.success) {
    const message =
      typeof data.command === 'string'
        ? `unknown command ${JSON.stringify(data.command)} (expected ${SHORTHANDS.join(', ')}, or an event object such as { type: 'stop', timeoutSeconds: 2 })`
        : firstIssue(command.error).message;
    const path = typeof data.command === 'string' ? [] : firstIssue(command.error).path;
    return fail(where, [...base, 'command', ...path], message) as { ok: false; error: string };
  }
  const step: StoryStep = { container: data.container, command: command.data as StoryCommand };
  if (data.caption !== undefined) step.caption = data.caption;
  return { ok: true, step };
}

/**
 * Validates a story (already parsed from JSON/YAML). `where` prefixes errors (a file
 * name). Never throws.
 */
export function parseStory(value: unknown, where?: string): ParseStoryResult {
  const head = storyHead.safeParse(value);
  if (!head.success) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(where, [], 'a story is an object with "title" and "steps"');
    const { path, message } = firstIssue(head.error);
    return fail(where, path, message);
  }
  const steps: StoryStep[] = [];
  for (const [index, raw] of head.data.steps.entries()) {
    const step = parseStep(raw, index, where);
    if (!step.ok) return step;
    steps.push(step.step);
  }
  const { steps: _raw, ...rest } = head.data;
  const story: Story = { title: rest.title, steps };
  if (rest.id !== undefined) story.id = rest.id;
  if (rest.description !== undefined) story.description = rest.description;
  if (rest.scenario !== undefined) story.scenario = rest.scenario;
  return { ok: true, story };
}
