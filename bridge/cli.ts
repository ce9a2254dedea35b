/**
 * `container-lifecycle live [--compose FILE] [--allow-commands] [--filter label=KEY=VALUE] [--port N]`
 *
 * Connects to the Docker engine (DOCKER_HOST, else /var/run/docker.sock) with dockerode,
 * serves the built site on 127.0.0.1 and prints the one URL to open, on its own line of
 * standard output. Everything else (warnings, engine status) goes to standard error.
 * Built into one file with dockerode inside (`vite.bridge.config.ts`), so the package's
 * machine entry never depends on it.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';
import { parseCompose } from '../src/model/compose/parseCompose';
import { normalizeProjectName } from '../src/model/compose/projectName';
import type { LiveSettings } from '../src/live/protocol';
import { checkBindAddress, HelpRequested, parseLiveArgs, USAGE, UsageError, type LiveOptions } from './args';
import { EngineMirror } from './engineMirror';
import { engineAddress } from './engineErrors';
import { endWithParent } from './lifetime';
import { createRateLimiter } from './rateLimit';
import { startBridgeServer, type BridgeServer } from './server';

/** Steady command rate and burst (see `rateLimit.ts`). */
const COMMANDS_PER_MINUTE = 60;
const COMMAND_BURST = 10;

const PROJECT_LABEL = 'com.docker.compose.project';

/**
 * Reads the compose file and its project name as `docker compose -f FILE` names it:
 * COMPOSE_PROJECT_NAME, else the file's top-level `name:`, else the directory holding it.
 */
async function readCompose(file: string): Promise<NonNullable<LiveSettings['compose']>> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--compose ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // The parser derives a nameless file's project from a `dir/compose.yaml` path as Compose does.
  const parsed = parseCompose(text, { fileName: `${basename(dirname(path))}/compose.yaml` });
  if (!parsed.ok) {
    const where = parsed.error.line !== undefined ? `:${parsed.error.line}:${parsed.error.column ?? 1}` : '';
    throw new UsageError(`--compose ${file}${where}: ${parsed.error.message}`);
  }
  const fromEnv = normalizeProjectName(process.env.COMPOSE_PROJECT_NAME ?? '');
  return { fileName: basename(path), text, project: fromEnv || parsed.spec.project };
}

interface RunningBridge {
  server: BridgeServer;
  mirror: EngineMirror;
  stop(): Promise<void>;
}

/** Starts the bridge for `options`; `log` gets the lines meant for a person (stderr). */
async function startLive(options: LiveOptions, siteRoot: string, log: (line: string) => void): Promise<RunningBridge> {
  checkBindAddress(options.host);
  const compose = options.compose !== undefined ? await readCompose(options.compose) : null;
  const filters = options.filters.length > 0 ? options.filters : compose ? [{ key: PROJECT_LABEL, value: compose.project }] : [];
  const filterText = filters.map((f) => `label ${f.key}=${f.value}`).join(' and ') || 'none';
  const matches = (labels: Record<string, string>) => filters.every((f) => labels[f.key] === f.value);
  if (options.allowCommands) {
    if (filters.length === 0) {
      log('WARNING: --allow-commands without --compose or --filter: the page can start, stop, kill and remove EVERY container on this engine.');
    } else {
      log(`Commands allowed on containers with ${filterText} only.`);
    }
  } else {
    log('Read-only: the page mirrors the engine; add --allow-commands to let its buttons send commands.');
  }
  const settings: LiveSettings = {
    allowCommands: options.allowCommands,
    filter: filters[0] ?? null,
    compose,
    commandsPerMinute: COMMANDS_PER_MINUTE,
  };
  const docker = new Docker();
  const where = engineAddress();
  const mirror = new EngineMirror(docker, {
    settings,
    commandable: (labels) => options.allowCommands && matches(labels),
    where,
    onStatus: log,
  });
  const server = await startBridgeServer({
    docker,
    mirror,
    policy: { allowCommands: options.allowCommands, matches, filterText, limiter: createRateLimiter(COMMANDS_PER_MINUTE, COMMAND_BURST) },
    siteRoot,
    host: options.host,
    port: options.port,
  });
  mirror.start();
  return {
    server,
    mirror,
    stop: async () => {
      mirror.stop();
      await server.close();
    },
  };
}

/** `argv`: the arguments after the program (`live --allow-commands …`). */
export async function main(argv: readonly string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  // No command, or a help flag in its place: the usage is the answer.
  if (subcommand === undefined || subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return subcommand === undefined ? 2 : 0;
  }
  if (subcommand !== 'live') {
    process.stderr.write(`container-lifecycle: unknown command "${subcommand ?? ''}"; try: container-lifecycle live --help\n`);
    return 2;
  }
  let options: LiveOptions;
  let unwatch: (() => void) | undefined;
  try {
    options = parseLiveArgs(rest);
    // The site is built next to this file: dist/bridge/cli.js serves dist/.
    const siteRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    // Watched before the URL is printed: whoever reads it may signal at once.
    let bridge: RunningBridge | null = null;
    unwatch = endWithParent((why) => {
      process.stderr.write(`container-lifecycle live: stopping (${why})\n`);
      // The port is closed and the event stream ended before the process exits.
      void (bridge?.stop() ?? Promise.resolve()).then(() => process.exit(0));
    });
    bridge = await startLive(options, siteRoot, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(`${bridge.server.url}\n`);
    return new Promise<number>(() => {});
  } catch (error) {
    unwatch?.();
    if (error instanceof HelpRequested) {
      process.stdout.write(error.message);
      return 0;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`container-lifecycle live: ${error.message}\n`);
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      process.stderr.write(`container-lifecycle live: port ${options!.port} is in use; pick another with --port, or leave it out\n`);
      return 1;
    }
    throw error;
  }
}
