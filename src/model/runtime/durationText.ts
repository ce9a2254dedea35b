/**
 * Short countdown wording for simulated time: `400 ms`, `1.5 s`, `7 s`, `45 s`, `2 min`.
 * Pure; shared by the node badges and the side panel.
 */

/**
 * A remaining duration in words. Under a second: ms rounded up to 10 ms; under 10 s:
 * seconds with one decimal (`1.5 s`, `7 s`); under two minutes: whole seconds, rounded
 * up (a countdown never shows 0 while time is left); then minutes.
 */
export function countdownText(ms: number): string {
  const left = Math.max(0, ms);
  if (left === 0) return '0 s';
  if (left < 1000) return `${Math.ceil(left / 10) * 10} ms`;
  if (left < 10_000) {
    const tenths = Math.ceil(left / 100) / 10;
    return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} s`;
  }
  if (left < 120_000) return `${Math.ceil(left / 1000)} s`;
  return `${Math.round(left / 60_000)} min`;
}

/** A configured duration (`30 s`, `1.5 s`, `200 ms`, `2 min`), for settings rather than countdowns. */
export function durationText(ms: number): string {
  if (!Number.isFinite(ms)) return 'forever';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${Number((ms / 60_000).toFixed(1))} min`;
}
