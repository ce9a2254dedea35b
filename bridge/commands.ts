/**
 * The only things the page can ask of the engine: docker start, stop [-t], kill [-s],
 * pause, unpause, restart [-t], rm [-f] on one container, by ID. No create, exec, run,
 * image, volume or raw API call exists here. Each request is checked in this order:
 * `--allow-commands`, the shape of the request, the rate limit, then the container's
 * labels as the ENGINE reports them (never as the page says) against the filter.
 */
import type Docker from 'dockerode';
import { LIVE_COMMANDS, type LiveCommandReply, type LiveCommandRequest } from '../src/live/protocol';
import type { RateLimiter } from './rateLimit';

export interface CommandPolicy {
  allowCommands: boolean;
  /** Whether a container with these labels may be commanded. */
  matches: (labels: Record<string, string>) => boolean;
  /** What the filter is, for refusals (`label com.docker.compose.project=shop`). */
  filterText: string;
  limiter: RateLimiter;
}

const ID = /^[0-9a-f]{64}$/;
const SIGNAL = /^(SIG)?[A-Z][A-Z0-9+-]{0,15}$|^\d{1,2}$/;

function refuse(status: number, message: string): LiveCommandReply {
  return { ok: false, status, message, by: 'bridge' };
}

/** Validates an untrusted body; returns the request or why it is refused. */
function parseCommandRequest(body: unknown): LiveCommandRequest | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'expected a JSON object';
  const b = body as Record<string, unknown>;
  const allowed = new Set(['container', 'command', 'timeoutSeconds', 'signal', 'force']);
  const extra = Object.keys(b).find((k) => !allowed.has(k));
  if (extra !== undefined) return `unknown field "${extra}"`;
  if (typeof b.container !== 'string' || !ID.test(b.container)) return 'container must be a full 64-hex container ID';
  if (typeof b.command !== 'string' || !(LIVE_COMMANDS as readonly string[]).includes(b.command)) {
    return `command must be one of ${LIVE_COMMANDS.join(', ')}`;
  }
  const request: LiveCommandRequest = { container: b.container, command: b.command as LiveCommandRequest['command'] };
  if (b.timeoutSeconds !== undefined) {
    if (b.command !== 'stop' && b.command !== 'restart') return 'timeoutSeconds is only for stop and restart';
    if (typeof b.timeoutSeconds !== 'number' || !Number.isInteger(b.timeoutSeconds) || b.timeoutSeconds < 0 || b.timeoutSeconds > 600) {
      return 'timeoutSeconds must be an integer from 0 to 600';
    }
    request.timeoutSeconds = b.timeoutSeconds;
  }
  if (b.signal !== undefined) {
    if (b.command !== 'kill') return 'signal is only for kill';
    if (typeof b.signal !== 'string' || !SIGNAL.test(b.signal)) return 'signal must look like SIGTERM, TERM or 15';
    request.signal = b.signal;
  }
  if (b.force !== undefined) {
    if (b.command !== 'remove') return 'force is only for remove';
    if (typeof b.force !== 'boolean') return 'force must be true or false';
    request.force = b.force;
  }
  return request;
}

/** Runs one command against the engine and answers in Docker's own words. */
export async function runCommand(docker: Docker, policy: CommandPolicy, body: unknown): Promise<LiveCommandReply> {
  if (!policy.allowCommands) {
    return refuse(403, 'read-only: the bridge was started without --allow-commands');
  }
  const request = parseCommandRequest(body);
  if (typeof request === 'string') return refuse(400, `bad command: ${request}`);
  if (!policy.limiter.take()) {
    return refuse(429, `too many commands: wait ${Math.ceil(policy.limiter.retryAfterMs() / 1000)} s (rate limit)`);
  }
  const container = docker.getContainer(request.container);
  const started = Date.now();
  try {
    const info = await container.inspect();
    if (!policy.matches(info.Config.Labels ?? {})) {
      return refuse(403, `${info.Name.replace(/^\//, '')} is outside the filter (${policy.filterText}): not commanded`);
    }
    switch (request.command) {
      case 'start':
        await container.start();
        break;
      case 'stop':
        await container.stop(request.timeoutSeconds !== undefined ? { t: request.timeoutSeconds } : {});
        break;
      case 'kill':
        await container.kill(request.signal !== undefined ? { signal: request.signal } : {});
        break;
      case 'pause':
        await container.pause();
        break;
      case 'unpause':
        await container.unpause();
        break;
      case 'restart':
        await container.restart(request.timeoutSeconds !== undefined ? { t: request.timeoutSeconds } : {});
        break;
      case 'remove':
        await container.remove({ force: request.force === true });
        break;
    }
    return { ok: true, status: 204, tookMs: Date.now() - started };
  } catch (error) {
    const e = error as { statusCode?: number; json?: { message?: string } | null; message?: string };
    // 304: Docker's "nothing to do" (already started / already stopped).
    if (e.statusCode === 304) return { ok: true, status: 304, tookMs: Date.now() - started };
    const message = e.json?.message ?? e.message ?? String(error);
    return { ok: false, status: e.statusCode ?? 502, message, by: 'docker' };
  }
}
