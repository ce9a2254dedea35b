/**
 * Turns a zod validation failure into one clear sentence naming the path, in the
 * style of Compose's own schema errors (compose-go `schema/schema.go`, which also
 * reports only the most specific error): `services.web.depends_on[0]: expected a
 * service name (string), got a mapping`.
 */
import type { z } from 'zod';
import { describeValue } from './describe';

type Issue = z.core.$ZodIssue;
type Path = Array<string | number>;

/** Messages for issues whose schema has no `expected …` message of its own. */
export function defaultIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    const names: Record<string, string> = {
      string: 'a string',
      number: 'a number',
      int: 'a whole number',
      boolean: 'true or false',
      array: 'a list',
      object: 'a mapping',
      record: 'a mapping',
      null: 'an empty value',
    };
    return `expected ${names[issue.expected] ?? issue.expected}`;
  }
  return undefined;
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/**
 * For a failed union, the branch that got furthest: the one whose first issue lies
 * deepest (a list of maps given to `depends_on` fails the list branch at `[0]` and the
 * mapping branch at the root; `[0]` is the useful one). When every branch fails on the
 * value's own type, the union's own message is the useful one.
 */
function mostSpecific(issue: Issue, path: Path): { issue: Issue; path: Path } {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, path };
  let best: Issue | undefined;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    if (
      !best ||
      first.path.length > best.path.length ||
      (first.path.length === best.path.length && best.code === 'invalid_type' && first.code !== 'invalid_type')
    ) {
      best = first;
    }
  }
  if (!best || (best.path.length === 0 && best.code === 'invalid_type')) return { issue, path };
  return mostSpecific(best, [...path, ...(best.path as Path)]);
}

/**
 * The message and path for the first issue of a zod failure.
 *
 * @param issues `error.issues` of a failed `safeParse`.
 * @param data the value that was parsed (to say what was found instead).
 * @returns `path` as a list of keys and indexes, and `message` without the path.
 */
export function describeIssue(issues: readonly Issue[], data: unknown): { path: Path; message: string } {
  const first = issues[0];
  if (!first) return { path: [], message: 'invalid compose file' };
  const { issue, path } = mostSpecific(first, [...(first.path as Path)]);
  const found = valueAt(data, path);
  let message = issue.message;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value') {
    message = found === undefined ? `missing; ${message}` : `${message}, got ${describeValue(found)}`;
  }
  return { path, message };
}
