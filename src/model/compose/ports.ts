/**
 * Compose `ports` and `expose` (compose-spec `05-services.md` "ports"):
 * short syntax `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]` (ports and ranges,
 * IPv6 host IPs in brackets or not) and long syntax `{target, published, host_ip,
 * protocol}`. Values are kept as written, so `"${AD_PORT}"` stays `${AD_PORT}`.
 */
import type { PortSpec } from '../../../machines/architecture/spec';
import { hasInterpolation } from './interpolation';

export const PORT_SYNTAX = '[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]';

/**
 * Splits on `separator` outside `${...}` and `[...]`, so `${PORT:-80}:80` and
 * `[::1]:80:80` split where Compose splits them.
 */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === '$' && text[i + 1] === '{') || ch === '[') {
      depth++;
      if (ch === '$') i++;
    } else if ((ch === '}' || ch === ']') && depth > 0) {
      depth--;
    } else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function isPortOrRange(text: string): boolean {
  if (hasInterpolation(text)) return true;
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return false;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= 65535 && high <= 65535 && low <= high;
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/**
 * Parses one short-syntax `ports` entry.
 *
 * @param value e.g. `80`, `"8080:80"`, `"127.0.0.1:9229:9229"`, `"8080:80/udp"`,
 *   `"${AD_PORT}"`.
 * @returns the port kept as written (`published`/`hostIp`/`protocol` only when given),
 *   or `{ error }` explaining what is wrong. Never throws.
 */
export function parsePortShort(value: string | number): PortSpec | { error: string } {
  const text = String(value).trim();
  const invalid = (why: string) => ({
    error: `invalid port "${text}": ${why}; expected ${PORT_SYNTAX}`,
  });
  if (text === '') return invalid('empty');
  const slash = splitOutside(text, '/');
  if (slash.length > 2) return invalid('more than one "/"');
  const [body = '', protocol] = slash;
  const parts = splitOutside(body, ':');
  const target = parts[parts.length - 1] ?? '';
  const published = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  let hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : undefined;
  if (hostIp?.startsWith('[') && hostIp.endsWith(']')) hostIp = hostIp.slice(1, -1);

  if (!isPortOrRange(target)) return invalid(`container port "${target}" is not a port or range`);
  if (published !== undefined && published !== '' && !isPortOrRange(published)) {
    return invalid(`host port "${published}" is not a port or range`);
  }
  if (published === '' && hostIp === undefined) return invalid('empty host port');
  if (hostIp === '') return invalid('empty host IP');
  if (protocol !== undefined && !PROTOCOLS.has(protocol) && !hasInterpolation(protocol)) {
    return invalid(`unknown protocol "${protocol}" (tcp, udp or sctp)`);
  }
  const port: PortSpec = { target };
  if (published) port.published = published;
  if (hostIp !== undefined) port.hostIp = hostIp;
  if (protocol !== undefined) port.protocol = protocol;
  return port;
}

/** A long-syntax `ports` entry as validated by the schema. */
export interface PortLong {
  target: string | number;
  published?: string | number | null;
  host_ip?: string | null;
  protocol?: string | null;
}

/**
 * Converts a long-syntax `ports` entry.
 *
 * @returns the port as written, or `{ error }` when `target` is not a port.
 */
export function parsePortLong(value: PortLong): PortSpec | { error: string } {
  const target = String(value.target).trim();
  if (!isPortOrRange(target)) return { error: `invalid port: target "${target}" is not a port or range` };
  const port: PortSpec = { target };
  if (value.published !== undefined && value.published !== null && value.published !== '') {
    const published = String(value.published).trim();
    if (!isPortOrRange(published)) return { error: `invalid port: published "${published}" is not a port or range` };
    port.published = published;
  }
  if (value.host_ip) port.hostIp = value.host_ip;
  if (value.protocol) port.protocol = value.protocol;
  return port;
}
