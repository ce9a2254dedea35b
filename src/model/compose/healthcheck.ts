/**
 * Compose `healthcheck` → `HealthcheckSpec` (compose-spec `05-services.md`
 * "healthcheck"; Docker's defaults apply to what is left out, moby `daemon/health.go`).
 */
import type { HealthcheckSpec } from '../../../machines/container/types';
import type { DocPath } from './composeError';
import type { RawService } from './schema';
import { toBoolean, toCount, toMs, type Warn } from './values';

/** Shown as the probe of a healthcheck that only tunes the image's own HEALTHCHECK. */
export const INHERITED_HEALTHCHECK_TEST = '(image HEALTHCHECK)';

/** Quotes one exec-form argument the way a shell user would write it, for display. */
function shellWord(arg: string): string {
  if (/^[\w@%+=:,./${}-]+$/.test(arg)) return arg;
  if (!arg.includes("'")) return `'${arg}'`;
  if (!arg.includes('"')) return `"${arg}"`;
  return JSON.stringify(arg);
}

/**
 * The probe as a display string, or `null` when the healthcheck is disabled:
 * `["CMD", "pg_isready"]` → `pg_isready`, `["CMD", "bash", "-c", "echo ok"]` →
 * `bash -c 'echo ok'`, `["CMD-SHELL", "cmd"]` and the string form → `cmd`.
 */
function probeText(test: string | string[] | null | undefined): string | null {
  if (test === null || test === undefined) return INHERITED_HEALTHCHECK_TEST;
  if (typeof test === 'string') return test.trim() === '' ? INHERITED_HEALTHCHECK_TEST : test;
  const [kind, ...args] = test;
  if (kind === undefined) return INHERITED_HEALTHCHECK_TEST;
  if (kind === 'NONE') return null;
  if (kind === 'CMD-SHELL') return args.join(' ');
  return args.map(shellWord).join(' ');
}

/**
 * Converts a validated `healthcheck` mapping.
 *
 * @returns the probe (for display) and durations in milliseconds, only the fields
 *   that are written; `undefined` when there is no healthcheck, `disable: true` or
 *   `test: ["NONE"]`. A healthcheck without `test` keeps the image's probe, shown as
 *   `INHERITED_HEALTHCHECK_TEST`.
 */
export function toHealthcheck(raw: RawService['healthcheck'], path: DocPath, warn: Warn): HealthcheckSpec | undefined {
  if (!raw || toBoolean(raw.disable, false)) return undefined;
  const test = probeText(raw.test);
  if (test === null) return undefined;
  const health: HealthcheckSpec = { test };
  const durations = [
    ['interval', 'intervalMs'],
    ['timeout', 'timeoutMs'],
    ['start_period', 'startPeriodMs'],
    ['start_interval', 'startIntervalMs'],
  ] as const;
  for (const [key, field] of durations) {
    const value = raw[key];
    if (typeof value !== 'string') continue;
    const ms = toMs(value, [...path, key], warn);
    if (ms !== undefined) health[field] = ms;
  }
  if (raw.retries !== null && raw.retries !== undefined) {
    health.retries = toCount(raw.retries, [...path, 'retries'], 3, warn);
  }
  return health;
}
