/**
 * Plain words for why the Docker engine cannot be reached, from Node's socket errors
 * (`connect ENOENT /var/run/docker.sock`, `EACCES`, `ECONNREFUSED`) and Docker's answers.
 */

/** One sentence a person can act on, naming `where` (the socket path or DOCKER_HOST). */
export function describeEngineError(error: unknown, where: string): string {
  const e = error as { code?: string; statusCode?: number; message?: string; json?: { message?: string } } | null;
  switch (e?.code) {
    case 'ENOENT':
      return `The Docker socket ${where} is missing: is dockerd running? (start it, or set DOCKER_HOST)`;
    case 'EACCES':
    case 'EPERM':
      return `Not permitted to use the Docker socket ${where}: run as a user in the docker group (or as root)`;
    case 'ECONNREFUSED':
      return `Nothing answers at ${where}: dockerd is not running or is restarting`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `The Docker engine at ${where} closed the connection (restarting?)`;
  }
  if (e?.statusCode) return `The Docker engine at ${where} answered ${e.statusCode}: ${e.json?.message ?? e.message ?? 'error'}`;
  return `Lost the Docker engine at ${where}: ${e?.message ?? String(error)}`;
}

/** Where dockerode will connect, for messages: `DOCKER_HOST` as given, else the default socket. */
export function engineAddress(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_HOST?.trim() || '/var/run/docker.sock';
}
