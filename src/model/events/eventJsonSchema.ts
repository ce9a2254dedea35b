/**
 * zod schema of one JSON event line (`docker events --format '{{json .}}'` or the raw
 * `/events` API stream).
 *
 * Docker sources:
 * - `moby:api/types/events/events.go` `events.Message`: `Type`, `Action`, `Actor{ID, Attributes}`,
 *   `scope`, `time` (Unix s), `timeNano` (Unix ns); deprecated `status`, `id`, `from`.
 * - `moby:daemon/server/router/system/system_routes.go` `backFillLegacy`: the daemon fills the
 *   legacy fields for API < 1.52 (docs/docker-behaviour.md §3.2). Pre-1.10 daemons sent only
 *   `status`/`id`/`from`/`time`.
 */
import { z } from 'zod';

/**
 * A JSON number that is an integer and not negative. Not `z.int()`: zod 4 limits that to
 * safe integers, and every real `timeNano` (~1.7e18) is above 2^53.
 */
const unixInteger = z.number().nonnegative().refine(Number.isInteger, { message: 'expected an integer' });

/** Go marshals a nil map as `null`. */
const attributes = z.record(z.string(), z.string()).nullable().optional();

export const eventJsonSchema = z
  .object({
    Type: z.string().optional(),
    Action: z.string().optional(),
    Actor: z
      .object({
        ID: z.string().optional(),
        Attributes: attributes,
      })
      .nullable()
      .optional(),
    scope: z.string().optional(),
    time: unixInteger.optional(),
    timeNano: unixInteger.optional(),
    status: z.string().optional(),
    id: z.string().optional(),
    from: z.string().optional(),
  })
  .superRefine((ev, ctx) => {
    if (!ev.Action && !ev.status) {
      ctx.addIssue({ code: 'custom', path: ['Action'], message: 'missing Action (or legacy status)' });
    }
    if (!ev.Actor?.ID && !ev.id) {
      ctx.addIssue({ code: 'custom', path: ['Actor', 'ID'], message: 'missing Actor.ID (or legacy id)' });
    }
  });

/** The validated (not yet normalised) JSON event. */
export type EventJson = z.infer<typeof eventJsonSchema>;
