/**
 * For the real-engine tests of live mode: the docker CLI, the built bridge
 * (`dist/bridge/cli.js`, run as a user runs it) and its printed URL.
 * Every container these tests make is named `live-e2e-…` and removed by them.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs `docker …` (DOCKER_HOST from `env`); resolves with stdout, rejects with Docker's error text. */
export async function docker(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const { stdout } = await run('docker', args, { env, timeout: 60_000 });
    return stdout.trim();
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`docker ${args.join(' ')}: ${e.stderr?.trim() || e.message}`, { cause: error });
  }
}

export const PROJECT = 'live-e2e';
export const IMAGE = process.env.ENGINE_IMAGE ?? 'local/busybox:1';

/** Labels Compose puts on replica `n` of `service` (plus depends_on when given). */
export function composeLabels(service: string, n: number, dependsOn?: string): string[] {
  const labels = [
    `com.docker.compose.project=${PROJECT}`,
    `com.docker.compose.service=${service}`,
    `com.docker.compose.container-number=${n}`,
    ...(dependsOn ? [`com.docker.compose.depends_on=${dependsOn}`] : []),
  ];
  return labels.flatMap((l) => ['--label', l]);
}

/** `docker run -d` of a process that exits 0 on SIGTERM (so `docker stop` is quick). */
export async function runContainer(name: string, labels: string[] = [], env?: NodeJS.ProcessEnv): Promise<string> {
  return docker(['run', '-d', '--network', 'none', '--name', name, ...labels, IMAGE, 'sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'], env);
}

/** Removes every `live-e2e-` container of the engine at `env`'s DOCKER_HOST. */
export async function removeOurContainers(env?: NodeJS.ProcessEnv): Promise<void> {
  const ids = (await docker(['ps', '-aq', '--filter', `name=^/${PROJECT}-`], env)).split('\n').filter(Boolean);
  if (ids.length > 0) await docker(['rm', '-f', ...ids], env);
}

export interface RunningCli {
  process: ChildProcess;
  /** The URL printed on stdout. */
  url: string;
  /** Everything written to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Bridges started by this test process: ended with it, even when a run is cut short. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGTERM');
});

/** Starts `node dist/bridge/cli.js live …flags` and waits for its URL line. */
export function startCli(flags: string[], env: NodeJS.ProcessEnv = process.env): Promise<RunningCli> {
  const child = spawn(process.execPath, [resolve('dist/bridge/cli.js'), 'live', ...flags], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  child.once('exit', () => started.delete(child));
  let out = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 20 s; stderr: ${err}`)), 20_000);
    child.on('exit', (code) => reject(new Error(`the bridge exited (${code}) before printing a URL; stderr: ${err}`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (!line) return;
      clearTimeout(timer);
      resolvePromise({
        process: child,
        url: line.trim(),
        stderr: () => err,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Runs the CLI to its end (for flags it must refuse); resolves with its exit code and output. */
export function runCliToEnd(flags: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [resolve('dist/bridge/cli.js'), 'live', ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}
