/**
 * zod schemas of the events a host may send to a container (CONTRACTS.md §1 commands and
 * process events) and of the Compose actions, shared by the postMessage protocol and
 * the story files. `daemon.restore` is internal and not accepted from outside.
 */
import { z } from 'zod';
import type { ComposeAction, ContainerEvent, RestartPolicy } from '../../../machines';

const RESTART_POLICY = /^(no|always|unless-stopped|on-failure(:\d{1,4})?)$/;

const strict = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

/** Any machine event a host may send (`{ type: 'pause' }`, `{ type: 'stop', timeoutSeconds: 2 }`, …). */
export const containerEventSchema = z.discriminatedUnion(
  'type',
  [
    strict({ type: z.literal('start') }),
    strict({ type: z.literal('stop'), timeoutSeconds: z.number().int().min(-1).max(3600).optional() }),
    strict({ type: z.literal('kill'), signal: z.string().regex(/^[A-Za-z0-9+]{1,16}$/, { message: 'expected a signal such as SIGTERM, TERM or 15' }).optional() }),
    strict({ type: z.literal('pause') }),
    strict({ type: z.literal('unpause') }),
    strict({ type: z.literal('restart'), timeoutSeconds: z.number().int().min(-1).max(3600).optional() }),
    strict({ type: z.literal('remove'), force: z.boolean().optional() }),
    strict({
      type: z.literal('update'),
      restartPolicy: z
        .string()
        .regex(RESTART_POLICY, { message: 'expected no, always, unless-stopped or on-failure[:N]' })
        .transform((v) => v as RestartPolicy),
    }),
    strict({ type: z.literal('exit'), exitCode: z.number().int().min(0).max(255) }),
    strict({ type: z.literal('oom') }),
    strict({ type: z.literal('probe'), result: z.enum(['pass', 'fail']) }),
  ],
  { message: 'expected an event type: start, stop, kill, pause, unpause, restart, remove, update, exit, oom or probe' },
);

/** The Compose actions of the architecture (`docker compose <action>`). */
export const COMPOSE_ACTIONS = ['up', 'start', 'stop', 'down', 'restart', 'pause', 'unpause', 'kill'] as const satisfies readonly ComposeAction[];
export const composeActionSchema = z.enum(COMPOSE_ACTIONS, { message: `expected a Compose action: ${COMPOSE_ACTIONS.join(', ')}` });

/** `{ type: 'compose', action: 'up' }` */
export const composeEventSchema = strict({ type: z.literal('compose'), action: composeActionSchema });

/** A parsed event, typed as the machines type it (checked by the compiler, no cast). */
export function asContainerEvent(event: z.infer<typeof containerEventSchema>): ContainerEvent {
  return event;
}
