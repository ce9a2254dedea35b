/**
 * The CLI line equivalent to a machine event, as a learner would type it.
 * Options follow docker/cli: `docker stop -t N`, `docker kill -s SIG`, `docker rm -f`.
 */
import type { ContainerEvent } from './types';

/** `docker stop -t 5 order-service`; process events describe what happened instead. */
export function cliLine(container: string, event: ContainerEvent): string {
  switch (event.type) {
    case 'stop':
    case 'restart':
      return `docker ${event.type}${event.timeoutSeconds === undefined ? '' : ` -t ${event.timeoutSeconds}`} ${container}`;
    case 'kill':
      return `docker kill${event.signal ? ` -s ${event.signal}` : ''} ${container}`;
    case 'remove':
      return `docker rm${event.force ? ' -f' : ''} ${container}`;
    case 'exit':
      return `# ${container}: main process exited with code ${event.exitCode}`;
    case 'oom':
      return `# ${container}: killed by the kernel OOM killer`;
    case 'update':
      return `docker update --restart ${event.restartPolicy} ${container}`;
    case 'rename':
      return `docker rename ${container} ${event.name}`;
    case 'daemon.restore':
      return `# dockerd: restored ${container}`;
    case 'probe':
      return `# ${container}: health probe now ${event.result === 'pass' ? 'passes (exit 0)' : 'fails (exit 1)'}`;
    default:
      return `docker ${event.type} ${container}`;
  }
}
