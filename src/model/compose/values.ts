/**
 * Values that must be used as numbers, durations or flags although they may be
 * written with `${VAR}` interpolation, which is not resolved here: the
 * `${VAR:-default}` default is used when there is one, else a fallback, with a warning.
 */
import { formatPath, type DocPath } from './composeError';
import { parseDuration } from './durations';
import { hasInterpolation, interpolationDefault } from './interpolation';

/** Receives non-fatal notes for `ParseComposeResult.warnings`. */
export type Warn = (message: string) => void;

/**
 * The value to use for an interpolated string: the `${VAR:-default}` default when it
 * parses, else `undefined` (and a warning).
 */
export function fromInterpolation<T>(
  raw: string,
  path: DocPath,
  parse: (text: string) => T | null,
  warn: Warn,
  fallback: string,
): T | undefined {
  const fallbackText = interpolationDefault(raw);
  const parsed = fallbackText === undefined ? null : parse(fallbackText);
  if (parsed !== null) return parsed;
  warn(`${formatPath(path)}: "${raw}" uses a variable, which is not resolved here; using ${fallback}`);
  return undefined;
}

/** A whole number (validated by the schema), e.g. `replicas`. */
export function toCount(value: number | string, path: DocPath, fallback: number, warn: Warn): number {
  if (typeof value === 'number') return value;
  if (!hasInterpolation(value)) return Number(value.trim());
  const parseCount = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);
  return fromInterpolation(value, path, parseCount, warn, String(fallback)) ?? fallback;
}

/** A duration in milliseconds (validated by the schema); `undefined` for Docker's default. */
export function toMs(value: string, path: DocPath, warn: Warn): number | undefined {
  if (!hasInterpolation(value)) return parseDuration(value) ?? undefined;
  return fromInterpolation(value, path, parseDuration, warn, "Docker's default");
}

/** `true`/`false`, also written as strings; anything else is `fallback`. */
export function toBoolean(value: boolean | string | null | undefined, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}
