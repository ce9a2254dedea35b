/**
 * Tiny timing harness (no tinybench): monotonic `process.hrtime.bigint()`, warm-up,
 * several samples, medians. Every published figure is a ratio against a baseline
 * measured in the same process, interleaved with the subject, so machine noise mostly
 * cancels out.
 */

/** Nanoseconds since an arbitrary origin, as a float. */
export function nowNs(): number {
  return Number(process.hrtime.bigint());
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Relative spread of samples: (max - min) / median, for the report's noise column. */
export function spread(values: readonly number[]): number {
  const m = median(values);
  return m === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / m;
}

/** Time one call of `fn`, in ns. */
export function timeOnce(fn: () => void): number {
  const t0 = nowNs();
  fn();
  return nowNs() - t0;
}

/** Runs `global.gc()` when node was started with `--expose-gc` (a few times: finalizers, weak refs). */
export function gc(): boolean {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) return false;
  for (let i = 0; i < 3; i++) g();
  return true;
}

export function heapUsed(): number {
  return process.memoryUsage().heapUsed;
}


/** One published figure (see bench/README.md). `ratio = value / baseline`; lower is better unless `higherIsBetter`. */
export interface Figure {
  id: string;
  group: string;
  label: string;
  unit: string;
  value: number;
  baseline: number | null;
  baselineLabel: string | null;
  ratio: number | null;
  /** Budget on the ratio, e.g. `{ op: '>=', limit: 0.5 }`; null for informational figures. */
  budget: { op: '>=' | '<='; limit: number } | null;
  /** null when there is no budget. */
  pass: boolean | null;
  /** (max - min) / median of the samples behind `value`, when known. */
  spread?: number;
  samples?: number;
  note?: string;
}

export function figure(f: Omit<Figure, 'ratio' | 'pass'> & { ratio?: number | null }): Figure {
  const ratio = f.ratio !== undefined ? f.ratio : f.baseline ? f.value / f.baseline : null;
  let pass: boolean | null = null;
  if (f.budget && ratio !== null) pass = f.budget.op === '>=' ? ratio >= f.budget.limit : ratio <= f.budget.limit;
  return { ...f, ratio, pass };
}
