/** A small stable string hash (FNV-1a, 32 bit) for simulated but consistent values. Pure. */
export function fnv1a(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h >>> 0;
}

/** `n` hex digits derived from `seed` (deterministic). */
export function hexDigits(seed: string, n: number): string {
  let out = '';
  for (let round = 0; out.length < n; round++) out += fnv1a(`${seed}#${round}`).toString(16).padStart(8, '0');
  return out.slice(0, n);
}
