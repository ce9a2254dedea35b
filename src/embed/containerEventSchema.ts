/**
 * zod schemas of the events a host may send to a container (docs/contracts.md §1 commands and
 * process events) and of the Compose actions, shared by the postMessage protocol and
 * the story files. `daemon.restore` is internal and not accepted from outside.
 * (`zod/mini`, see `src/model/validation/zod.ts`: the embed checks these at start.)
 */
import { EXIT_CODE_MAX, EXIT_CODE_MIN, type ComposeAction, type ContainerEvent, type RestartPolicy } from '../../machines';
import { z } from '../model/validation/zod';

const RESTART_POLICY = /^(no|always|unless-stopped|on-failure(:\d{1,4})?)$/;

const strict = z.strictObject;
const seconds = () => z.optional(z.number().check(z.int(), z.minimum(-1), z.maximum(3600)));

/** Any machine event a host may send (`{ type: 'pause' }`, `{ type: 'stop', timeoutSeconds: 2 }`, …). */
export const containerEventSchema = z.discriminatedUnion(
  'type',
  [
    strict({ type: z.literal('start') }),
    strict({ type: z.literal('stop'), timeoutSeconds: seconds() }),
    strict({ type: z.literal('kill'), signal: z.optional(z.string().check(z.regex(/^[A-Za-z0-9+]{1,16}$/, { message: 'expected a signal such as SIGTERM, TERM or 15' }))) }),
    strict({ type: z.literal('pause') }),
    strict({ type: z.literal('unpause') }),
    strict({ type: z.literal('restart'), timeoutSeconds: seconds() }),
    strict({ type: z.literal('remove'), force: z.optional(z.boolean()) }),
    strict({
      type: z.literal('update'),
      restartPolicy: z.pipe(
        z.string().check(z.regex(RESTART_POLICY, { message: 'expected no, always, unless-stopped or on-failure[:N]' })),
        z.transform((v: string) => v as RestartPolicy),
      ),
    }),
    strict({ type: z.literal('exit'), exitCode: z.number().check(z.int(), z.minimum(EXIT_CODE_MIN), z.maximum(EXIT_CODE_MAX)) }),
    strict({ type: z.literal('oom') }),
    strict({ type: z.literal('probe'), result: z.enum(['pass', 'fail']) }),
  ],
  { message: 'expected an event type: start, stop, kill, pause, unpause, restart, remove, update, exit, oom or probe' },
);

/** The Compose actions of the architecture (`docker compose <action>`). */
const COMPOSE_ACTIONS = ['up', 'start', 'stop', 'down', 'restart', 'pause', 'unpause', 'kill'] as const satisfies readonly ComposeAction[];
export const composeActionSchema = z.enum(COMPOSE_ACTIONS, { message: `expected a Compose action: ${COMPOSE_ACTIONS.join(', ')}` });

/** `{ type: 'compose', action: 'up' }` */
export const composeEventSchema = strict({ type: z.literal('compose'), action: composeActionSchema });

/** A parsed event, typed as the machines type it (checked by the compiler, no cast). */
export function asContainerEvent(event: z.infer<typeof containerEventSchema>): ContainerEvent {
  return event;
}
