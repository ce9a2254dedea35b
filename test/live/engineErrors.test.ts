/** The bridge says plainly when the socket is missing, not permitted, or not answering. */
import { describe, expect, it } from 'vitest';
import { describeEngineError, engineAddress } from '../../bridge/engineErrors';

const error = (code: string) => Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code });

describe('describeEngineError', () => {
  it('names the socket and what to do', () => {
    expect(describeEngineError(error('ENOENT'), '/var/run/docker.sock')).toBe(
      'The Docker socket /var/run/docker.sock is missing: is dockerd running? (start it, or set DOCKER_HOST)',
    );
    expect(describeEngineError(error('EACCES'), '/var/run/docker.sock')).toMatch(/^Not permitted to use the Docker socket \/var\/run\/docker\.sock: run as a user in the docker group/);
    expect(describeEngineError(error('ECONNREFUSED'), 'tcp://127.0.0.1:2375')).toMatch(/^Nothing answers at tcp:\/\/127\.0\.0\.1:2375/);
    expect(describeEngineError({ statusCode: 500, json: { message: 'boom' } }, 'x')).toBe('The Docker engine at x answered 500: boom');
  });

  it('reads DOCKER_HOST like dockerode does', () => {
    expect(engineAddress({})).toBe('/var/run/docker.sock');
    expect(engineAddress({ DOCKER_HOST: 'unix:///tmp/d.sock' })).toBe('unix:///tmp/d.sock');
  });
});
