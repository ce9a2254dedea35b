import type { RestartPolicy } from '../../../machines/container/types';

/**
 * Reads a Compose `restart:` value (compose-spec `05-services.md` "restart").
 *
 * @param value `"no"`, `"always"`, `"unless-stopped"`, `"on-failure"` or
 *   `"on-failure:N"`. `false` is accepted as `"no"`: YAML 1.1 parsers read an unquoted
 *   `no` as a boolean (we parse YAML 1.2, where it stays the string `"no"`).
 * @returns the policy, or `null` for anything else. Never throws.
 */
export function parseRestart(value: unknown): RestartPolicy | null {
  if (value === false) return 'no';
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === 'no' || text === 'always' || text === 'unless-stopped' || text === 'on-failure') {
    return text;
  }
  const match = /^on-failure:(\d+)$/.exec(text);
  if (match) return `on-failure:${Number(match[1])}`;
  return null;
}

/** The accepted forms, for error messages. */
export const RESTART_FORMS = '"no", "always", "unless-stopped", "on-failure" or "on-failure:N"';
