/**
 * Compose durations (`healthcheck.interval`, `timeout`, `start_period`, `start_interval`).
 *
 * Compose reads them as Go durations: compose-go validates the `duration` format with
 * `time.ParseDuration` (`schema/schema.go`) before decoding (`types/duration.go`), and
 * the compose-spec schema types them as strings. So, like Go:
 * - a duration is one or more `<number><unit>` parts, units `ns`, `us` (`µs`), `ms`,
 *   `s`, `m`, `h`; fractions are allowed (`1.5s`), parts add up (`1m30s`);
 * - `"0"` is the only unitless value accepted;
 * - a bare number (`10`, or the YAML integer `10`) is NOT a duration. We reject it,
 *   as Compose does, instead of guessing seconds.
 */

const NS_PER_UNIT: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const PART = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
/** Go's `time.Duration` is an int64 of nanoseconds. */
const MAX_NS = 2n ** 63n - 1n;

/**
 * Parses a Compose / Go duration string into milliseconds.
 *
 * @param text e.g. `"1m30s"`, `"10s"`, `"500ms"`, `"1.5s"`, `"2h"`, `"0"`.
 * @returns milliseconds (`1m30s` → 90000; sub-millisecond units give fractions:
 *   `"100us"` → 0.1), negative for a leading `-`, or `null` when `text` is not a
 *   valid duration (including a bare number such as `"10"`). Never throws.
 */
export function parseDuration(text: string): number | null {
  let s = text.trim();
  let sign = 1n;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -1n;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return null;
  let ns = 0n;
  PART.lastIndex = 0;
  while (PART.lastIndex < s.length) {
    const start = PART.lastIndex;
    const match = PART.exec(s);
    if (!match || match.index !== start) return null;
    const [, number = '', unit = ''] = match;
    const perUnit = NS_PER_UNIT[unit];
    if (perUnit === undefined) return null;
    const [whole = '', fraction = ''] = number.split('.');
    ns += BigInt(whole || '0') * perUnit;
    if (fraction) ns += (BigInt(fraction) * perUnit) / 10n ** BigInt(fraction.length);
    if (ns > MAX_NS) return null;
  }
  return Number(sign * ns) / 1e6;
}

/**
 * Explains why `text` is not a duration, for error messages.
 *
 * @returns a sentence starting with `invalid duration "…"`.
 */
export function durationProblem(text: string): string {
  const units = 'ns, us, ms, s, m, h';
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(text)) {
    const example = `${text.trim()}s`;
    return `invalid duration "${text}": a unit is required, e.g. "${example}" (Compose reads durations as Go durations; units ${units})`;
  }
  return `invalid duration "${text}": expected a number followed by a unit (${units}), e.g. "10s", "1m30s" or "500ms"`;
}
