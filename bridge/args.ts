/**
 * Command line of `container-lifecycle live`: parsed strictly, so a typo is an error
 * and never a silently wider permission.
 */
import { parseArgs } from 'node:util';

/** Options of the live bridge. */
export interface LiveOptions {
  /** `--compose FILE`: edges and the default command filter come from this file. */
  compose?: string;
  /** `--allow-commands`: the page's buttons send real commands. Default false (read-only). */
  allowCommands: boolean;
  /** `--filter label=KEY=VALUE` (repeatable: every one must match). */
  filters: Array<{ key: string; value: string }>;
  /** `--port N` (0 or absent: a free port). */
  port: number;
  /** `--host ADDRESS`: only a loopback address is accepted (see `checkBindAddress`). */
  host: string;
}

export const USAGE = `Usage: container-lifecycle live [--compose FILE] [--allow-commands] [--filter label=KEY=VALUE] [--port N]

Mirrors the local Docker engine (DOCKER_HOST or /var/run/docker.sock) on the
architecture view and prints the one URL to open (it carries an access token).

  --compose FILE            draw edges from this compose file; commands are limited
                            to its project unless --filter says otherwise
  --allow-commands          let the page's buttons send docker start/stop/kill/pause/
                            unpause/restart/rm [-f] (default: read-only)
  --filter label=KEY=VALUE  only containers with this label can be commanded
  --port N                  listen on 127.0.0.1:N (default: a free port)
`;

/** Thrown for a bad command line; `message` says what and how to fix it. */
export class UsageError extends Error {}

/** Thrown for `--help`: the usage is the answer, not an error. */
export class HelpRequested extends Error {}

/** Parses `argv` (without `node` and the script, and without the `live` sub-command). */
export function parseLiveArgs(argv: readonly string[]): LiveOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        compose: { type: 'string' },
        'allow-commands': { type: 'boolean', default: false },
        filter: { type: 'string', multiple: true },
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) throw new HelpRequested(USAGE);
  const filters = (values.filter ?? []).map(parseFilter);
  let port = 0;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) {
      throw new UsageError(`--port ${values.port}: expected a port number from 0 to 65535`);
    }
    port = Number(values.port);
  }
  return {
    ...(values.compose !== undefined ? { compose: values.compose } : {}),
    allowCommands: values['allow-commands'] === true,
    filters,
    port,
    host: values.host ?? '127.0.0.1',
  };
}

/** `label=KEY=VALUE` → `{ key, value }` (the only filter kind: labels are what Compose sets). */
function parseFilter(text: string): { key: string; value: string } {
  const match = /^label=([^=]+)=(.*)$/.exec(text);
  if (!match || match[1]!.trim() === '') {
    throw new UsageError(`--filter ${text}: expected label=KEY=VALUE (e.g. label=com.docker.compose.project=shop)`);
  }
  return { key: match[1]!, value: match[2]! };
}

/**
 * The bridge holds root on this machine (the Docker socket): it listens on loopback only.
 * @throws UsageError for any other address (0.0.0.0, ::, a LAN address, a host name).
 */
export function checkBindAddress(host: string): void {
  if (host !== '127.0.0.1') {
    throw new UsageError(
      `refusing to listen on ${host}: the bridge can command your Docker engine (root on this machine), so it listens on 127.0.0.1 only`,
    );
  }
}
