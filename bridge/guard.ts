/**
 * Who may talk to the bridge. Every request must
 * - name this server as `Host` (127.0.0.1:PORT or localhost:PORT): a DNS-rebinding page
 *   reaches the port under its own host name and is refused;
 * - come from this page, when it says where it comes from (`Origin`, `Sec-Fetch-Site`):
 *   a cross-site page cannot drive it even with the token;
 * - carry the random token as the first path segment (`/<token>/…`), the page itself,
 *   its scripts and the event stream included.
 * Commands must also say `Origin` and send JSON (no HTML form can).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Why a request is refused (HTTP status and a plain sentence), or null when it may go on. */
export type Refusal = { status: number; reason: string } | null;

/** The loopback names a browser may use for this server. */
function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks `Host`, `Origin`, `Sec-Fetch-Site` and the token of `req`.
 * @returns the refusal, or null; on success `rest` is the path after `/<token>`.
 */
export function checkRequest(req: IncomingMessage, token: string, port: number): { refusal: Refusal; rest: string } {
  const host = req.headers.host ?? '';
  if (!allowedHosts(port).includes(host.toLowerCase())) {
    return { refusal: { status: 403, reason: `Host "${host}" refused: only 127.0.0.1:${port} is served` }, rest: '' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { refusal: { status: 403, reason: `Origin "${origin}" refused: only pages served by this bridge may use it` }, rest: '' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return { refusal: { status: 403, reason: `cross-site request refused (Sec-Fetch-Site: ${site})` }, rest: '' };
  }
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const match = /^\/([^/]+)(\/.*)?$/.exec(path);
  if (!match || !sameToken(match[1]!, token)) {
    return { refusal: { status: 401, reason: 'missing or wrong access token: open the URL the bridge printed' }, rest: '' };
  }
  return { refusal: null, rest: match[2] ?? '' };
}

/** Extra checks for `POST …/api/command`: an `Origin` of this server and a JSON body. */
export function checkCommandRequest(req: IncomingMessage): Refusal {
  if (req.method !== 'POST') return { status: 405, reason: 'commands are POST requests' };
  if (req.headers.origin === undefined) return { status: 403, reason: 'commands must come from the page (no Origin header)' };
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, reason: 'commands are JSON (Content-Type: application/json)' };
  return null;
}
