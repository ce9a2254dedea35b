/**
 * The differential suite derives what the docker CLI prints from the Engine API's answer
 * (test/engine/realEngine.ts `cliOutcome`). This checks that derivation against the docker
 * CLI on PATH for each kind of answer: error (printed after `Error response from daemon: `,
 * exit 1), 304 no-op and `rm -f` of a missing container (exit 0).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainer, docker, PREFIX, runCommand, type Command } from './realEngine';

const hasCli = spawnSync('docker', ['version', '--format', '{{.Client.Version}}']).status === 0;
const name = `${PREFIX}cli-${Date.now().toString(36).slice(-4)}`;

function cli(command: Command): { status: number; stderr: string } {
  const args = command.split(' ');
  const [verb, ...options] = args;
  const result = spawnSync('docker', [verb!, ...options, name], { encoding: 'utf8' });
  return { status: result.status ?? -1, stderr: result.stderr.trim() };
}

describe.runIf(hasCli)('the CLI prints what the API answered', () => {
  beforeAll(async () => {
    await createContainer(name, 'ignores', 'no');
  });
  afterAll(async () => {
    await docker.getContainer(name).remove({ force: true }).catch(() => undefined);
  });

  it.each<[string, Command, 'ok' | 'no-op' | 'error']>([
    ['created', 'kill', 'error'],
    ['created', 'stop -t 1', 'no-op'],
    ['created', 'unpause', 'error'],
    ['created', 'pause', 'error'],
  ])('%s × %s: %s', async (_state, command, kind) => {
    const api = await runCommand(name, command);
    const printed = cli(command);

    expect(api.kind).toBe(kind);
    if (kind === 'error') {
      expect(printed.status).toBe(1);
      expect(printed.stderr).toBe(`Error response from daemon: ${api.message}`);
    } else {
      expect(printed.status).toBe(0);
    }
  });

  it('rm -f of a missing container exits 0; kill of it prints the wrapped 404', async () => {
    execFileSync('docker', ['rm', '-f', name]);
    const api = await runCommand(name, 'rm -f');
    expect(api.kind).toBe('no-op');
    expect(cli('rm -f').status).toBe(0);

    const kill = await runCommand(name, 'kill');
    const printed = cli('kill');
    expect(kill.kind).toBe('error');
    expect(printed.stderr).toBe(`Error response from daemon: ${kill.message}`);
    expect(kill.message).toMatch(/^Cannot kill container: engine-cli-\w+: No such container: engine-cli-\w+$/);
  });
});
