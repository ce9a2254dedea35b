/**
 * The `(k=v, k=v, ...)` block at the end of a default-format `docker events` line.
 *
 * Docker source: `docker/cli:cli/command/system/events.go` `prettyPrintEvent` prints
 * `k+"="+v` for every attribute, keys sorted (`sort.Strings`, byte order), joined by `", "`,
 * with no escaping.
 */

/** A separator: `", "` followed by something that looks like a key and `=`. */
const SEPARATOR = /, (?=[^\s,=]+=)/g;
const KEY_VALUE = /^([^\s,=]+)=([\s\S]*)$/;

/**
 * Parses the inside of the attributes block (without the parentheses).
 *
 * Values are not escaped by Docker, so a value may contain `,` or `=`. The block is split
 * only at `", "` followed by `key=`; a value that itself contains `", key="` is therefore
 * split there (ambiguous in Docker's output; accepted). A later duplicate key wins.
 *
 * @param inner e.g. `exitCode=143, image=alpine:latest, name=test`
 * @returns the attributes and their keys in input order (used to check Docker's sort order),
 *   or a reason string when the block does not start with `key=` (never throws).
 */
export function parseAttributes(inner: string): { attributes: Record<string, string>; keys: string[] } | string {
  const attributes: Record<string, string> = {};
  const keys: string[] = [];
  if (inner.trim() === '') return { attributes, keys };
  for (const part of inner.split(SEPARATOR)) {
    const m = KEY_VALUE.exec(part);
    if (!m) return `attribute "${part.slice(0, 40)}" is not key=value`;
    const key = m[1] as string;
    // defineProperty: a `__proto__` key must stay data, not replace the prototype.
    Object.defineProperty(attributes, key, { value: m[2] as string, enumerable: true, writable: true, configurable: true });
    keys.push(key);
  }
  return { attributes, keys };
}

/** True when `keys` are in non-decreasing byte order, as Docker prints them. */
export function keysAreSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i] as string) < (keys[i - 1] as string)) return false;
  }
  return true;
}
