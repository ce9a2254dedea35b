/**
 * The real Docker engine's side of the differential suite, through the Engine API
 * (dockerode): containers of known process kinds, commands answered the way the docker
 * CLI reports them, `.State` from inspect, and ONE live `GET /events` stream.
 *
 * CLI outcome from the API answer (docker/cli v28, `cli/command/container/*.go`):
 * - 2xx → the CLI prints the name, exit 0 (`ok`).
 * - 304 Not Modified (start of a running / stop of a stopped container): the Go client
 *   treats only status ≥ 400 as an error (docker/cli vendored `client/request.go`
 *   `checkResponseErr`), so the CLI prints the name and exits 0 (`no-op`).
 * - `rm -f` of a missing container: `rm.go` skips `errdefs.IsNotFound` when `--force`
 *   (prints the error to stderr, exits 0): `no-op`.
 * - any other status ≥ 400: the CLI prints `Error response from daemon: <message>`
 *   (`client/errors.go`, `errors.Wrap(..., "Error response from daemon")`) and exits 1.
 * test/engine/cliText.engine.test.ts checks this derivation against the docker CLI itself.
 */
import Docker from 'dockerode';
import type { DockerEventMessage, InspectState } from '../../machines';

export const IMAGE = process.env.ENGINE_IMAGE ?? 'local/busybox:1';
/** Every container this suite creates is named with this prefix (and only these are removed). */
export const PREFIX = 'engine-';

export const docker = new Docker();

/** How the main process behaves; the machine twin gets the matching `ProcessSpec`. */
export type ProcessKind = 'ignores' | 'traps' | 'init' | 'crash' | 'oom';

/**
 * The command lines of the issue's process kinds. `traps` waits with `sleep & wait` instead
 * of `sleep 1` in the loop: sh runs a trap only after its foreground child ends, so with
 * `sleep 1` the exit 0 could come a second after SIGTERM and race `stop -t 1`'s SIGKILL.
 */
const KINDS: Record<ProcessKind, { cmd: string[]; init?: boolean; memory?: number }> = {
  ignores: { cmd: ['sleep', '1000'] },
  traps: { cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1000 & wait; done'] },
  init: { cmd: ['sleep', '1000'], init: true },
  crash: { cmd: ['sh', '-c', 'sleep 1; exit 3'] },
  oom: { cmd: ['sh', '-c', 'x=a; while true; do x=$x$x; done'], memory: 16 * 1024 * 1024 },
};

/** The commands of the issue, as the CLI writes them. */
export type Command =
  | 'start'
  | 'stop -t 1'
  | 'kill'
  | 'kill -s SIGTERM'
  | 'kill -s SIGHUP'
  | 'pause'
  | 'unpause'
  | 'restart -t 1'
  | 'rm'
  | 'rm -f';

export const COMMANDS: readonly Command[] = [
  'start',
  'stop -t 1',
  'kill',
  'kill -s SIGTERM',
  'kill -s SIGHUP',
  'pause',
  'unpause',
  'restart -t 1',
  'rm',
  'rm -f',
];

/** What the CLI reports: success, 304/ignored no-op, or an error with its text. */
export interface CliOutcome {
  kind: 'ok' | 'no-op' | 'error';
  /** The daemon's message (without `Error response from daemon: `); '' for ok. */
  message: string;
  httpStatus: number;
}

interface ModemError {
  statusCode?: number;
  json?: { message?: string } | null;
  message?: string;
}

/** The CLI's view of an API answer (see the file comment). */
function cliOutcome(command: Command, error: unknown): CliOutcome {
  if (error === undefined) return { kind: 'ok', message: '', httpStatus: 204 };
  const e = error as ModemError;
  const status = e.statusCode ?? 0;
  const message = e.json?.message ?? '';
  if (status === 304) return { kind: 'no-op', message, httpStatus: 304 };
  if (command === 'rm -f' && status === 404) return { kind: 'no-op', message, httpStatus: 404 };
  if (status >= 400) return { kind: 'error', message, httpStatus: status };
  throw error instanceof Error ? error : new Error(String(e.message ?? error));
}

/** Runs `command` on the container named `name` through the Engine API (the CLI addresses it by name too). */
export async function runCommand(name: string, command: Command): Promise<CliOutcome> {
  const c = docker.getContainer(name);
  const calls: Record<Command, () => Promise<unknown>> = {
    start: () => c.start(),
    'stop -t 1': () => c.stop({ t: 1 }),
    kill: () => c.kill(),
    'kill -s SIGTERM': () => c.kill({ signal: 'SIGTERM' }),
    'kill -s SIGHUP': () => c.kill({ signal: 'SIGHUP' }),
    pause: () => c.pause(),
    unpause: () => c.unpause(),
    'restart -t 1': () => c.restart({ t: 1 }),
    rm: () => c.remove(),
    'rm -f': () => c.remove({ force: true }),
  };
  try {
    await calls[command]();
    return cliOutcome(command, undefined);
  } catch (error) {
    return cliOutcome(command, error);
  }
}

/** `docker create --name NAME [--init] [--memory] [--restart POLICY] IMAGE CMD`; returns the ID. */
export async function createContainer(name: string, kind: ProcessKind, restartPolicy: string): Promise<string> {
  const k = KINDS[kind];
  const [policy, count] = restartPolicy.split(':');
  const container = await docker.createContainer({
    name,
    Image: IMAGE,
    Cmd: k.cmd,
    HostConfig: {
      Init: k.init ?? false,
      ...(k.memory ? { Memory: k.memory } : {}),
      RestartPolicy: { Name: policy === 'no' ? '' : policy!, MaximumRetryCount: count ? Number(count) : 0 },
    },
  });
  return container.id;
}

/**
 * The fields of `docker inspect` the suite compares; null when the container is gone. The
 * machine's `.State` type with the engine's own status word (20.10 has `removing`, `dead`).
 */
export type RealState = Omit<InspectState, 'Status' | 'Health'> & { Status: string; RestartCount: number };

export async function inspect(id: string): Promise<RealState | null> {
  try {
    const info = await docker.getContainer(id).inspect();
    return { ...(info.State as unknown as Omit<RealState, 'RestartCount'>), RestartCount: info.RestartCount };
  } catch (error) {
    if ((error as ModemError).statusCode === 404) return null;
    throw error;
  }
}

/** Removes every container whose name starts with `engine-` (ours only). */
export async function removeOurContainers(): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: JSON.stringify({ name: [`^/${PREFIX}`] }) });
  await Promise.all(
    list
      .filter((c) => c.Names.some((n) => n.startsWith(`/${PREFIX}`)))
      .map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)),
  );
}

/** One live `docker events` stream (container and network events), in arrival order. */
export class EventStream {
  readonly events: DockerEventMessage[] = [];
  private stream: NodeJS.ReadableStream | null = null;
  private buffer = '';
  private waiters: Array<() => void> = [];

  async open(): Promise<void> {
    const stream = (await docker.getEvents({
      filters: JSON.stringify({ type: ['container', 'network'] }),
    })) as NodeJS.ReadableStream;
    this.stream = stream;
    stream.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl).trim();
        this.buffer = this.buffer.slice(nl + 1);
        if (line) this.events.push(JSON.parse(line) as DockerEventMessage);
      }
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    });
  }

  close(): void {
    (this.stream as unknown as { destroy?: () => void } | null)?.destroy?.();
  }

  /** Resolves at the next event or after `ms`, whichever comes first. */
  next(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** The container ID an event concerns (network events name it in `container`). */
export function eventContainer(message: DockerEventMessage): string | undefined {
  return message.Type === 'container' ? message.Actor.ID : message.Actor.Attributes.container;
}
