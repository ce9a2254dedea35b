/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`; compose-spec `12-interpolation.md`).
 *
 * This viewer has no environment to resolve variables from, so values are kept exactly
 * as written (`$$` included). These helpers only recognise them, so that checks which
 * need a concrete value (a port number, a restart policy) can skip or fall back.
 */

/**
 * True when `text` contains a variable reference. `$$` is an escaped dollar and does
 * not count.
 */
export function hasInterpolation(text: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(text.replace(/\$\$/g, ''));
}

/**
 * The default of a value that is exactly one `${VAR:-default}` or `${VAR-default}`.
 *
 * @returns the default text, or `undefined` when `text` is anything else.
 */
export function interpolationDefault(text: string): string | undefined {
  const match = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^${}]*)\}$/.exec(text.trim());
  return match?.[1];
}
