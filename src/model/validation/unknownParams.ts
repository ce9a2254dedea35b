/**
 * The one message for URL parameters (or attributes) a page does not know: the app and
 * the embed both report them, in the same words, and carry on with the ones they know.
 */

/** `Unknown parameter "x" ignored (known: a, b).`, or null when `unknown` is empty. */
export function unknownParamsProblem(unknown: readonly string[], known: readonly string[]): string | null {
  if (unknown.length === 0) return null;
  const list = unknown.map((n) => `"${n}"`).join(', ');
  return `Unknown parameter${unknown.length > 1 ? 's' : ''} ${list} ignored (known: ${known.join(', ')}).`;
}

/** The names in `search` that are not in `known`, each once, in order. */
export function unknownParamNames(search: string | URLSearchParams, known: readonly string[]): string[] {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return [...new Set([...params.keys()].filter((name) => !known.includes(name)))];
}
