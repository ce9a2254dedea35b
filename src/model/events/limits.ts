/**
 * Size limits of `parseEventsLog` and the byte counting they need.
 */

/**
 * Default maximum input size: 64 MiB of UTF-8. A day of `docker events` on a busy host
 * (50 000 events, 500 containers) is about 7.5 MB as JSON lines, several times that
 * pretty-printed.
 */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Default maximum number of lines (a pretty-printed event takes about 15). */
export const DEFAULT_MAX_LINES = 5_000_000;

/**
 * A usable limit: `value` when it is a positive finite number, else `fallback`.
 * (So a caller's `NaN` or `-1` cannot switch the limit off.)
 */
export function limitOrDefault(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Length of `s` in UTF-8 bytes, without allocating (a lone surrogate counts 3, as U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The first 200 characters of `s`, without cutting a surrogate pair in half. */
export function truncateForProblem(s: string, max = 200): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
