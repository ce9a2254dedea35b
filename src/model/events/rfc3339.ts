/**
 * RFC 3339 timestamps as printed by `docker events` (default format), converted to exact
 * Unix seconds and nanoseconds without going through `Date` (which keeps only milliseconds).
 *
 * Docker source: `docker/cli:cli/command/system/events.go` `prettyPrintEvent`, layout
 * `rfc3339NanoFixed = "2006-01-02T15:04:05.000000000Z07:00"` (always 9 fraction digits,
 * local offset of the machine that ran the CLI).
 */

/** Exact instant: `seconds` since the Unix epoch (may be negative) plus `nanos` in [0, 1e9). */
export interface UnixInstant {
  seconds: number;
  nanos: number;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** True when `token` starts like a date (`2017-…`), so a parse failure is a bad timestamp, not another format. */
export function looksLikeTimestamp(token: string): boolean {
  return /^\d{4}-/.test(token);
}

/**
 * Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
 *
 * - The fraction may have 1 to 9+ digits; digits beyond the 9th (below a nanosecond) are
 *   dropped, as Go's parser does.
 * - Fields are range-checked (month 1–12, the month's day count incl. leap years, hour
 *   0–23, minute and second 0–59, offset up to ±23:59).
 *
 * @returns the instant, or a string saying what is wrong (never throws).
 */
export function parseRfc3339Nano(text: string): UnixInstant | string {
  const m = RFC3339.exec(text);
  if (!m) return 'expected an RFC 3339 time like 2017-01-05T00:36:04.795031609+08:00';
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number, number, number, number, number, number,
  ];
  if (month < 1 || month > 12) return `month ${month} is out of range`;
  if (day < 1 || day > daysInMonth(year, month)) return `day ${day} is out of range for ${year}-${pad2(month)}`;
  if (hour > 23) return `hour ${hour} is out of range`;
  if (minute > 59) return `minute ${minute} is out of range`;
  if (second > 59) return `second ${second} is out of range`;

  let offsetSeconds = 0;
  if (m[9] !== undefined) {
    const offH = Number(m[10]);
    const offM = Number(m[11]);
    if (offH > 23 || offM > 59) return `time zone offset ${m[9]}${m[10]}:${m[11]} is out of range`;
    offsetSeconds = (m[9] === '-' ? -1 : 1) * (offH * 3600 + offM * 60);
  }

  const fraction = m[7] ?? '';
  const nanos = fraction === '' ? 0 : Number(fraction.slice(0, 9).padEnd(9, '0'));
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  return { seconds, nanos };
}

/** Unix nanoseconds as a JS number: exact seconds × 1e9 plus nanos, rounded once to the nearest double. */
export function toTimeNano(instant: UnixInstant): number {
  return instant.seconds * 1e9 + instant.nanos;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
