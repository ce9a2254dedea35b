/**
 * The Example list's choice, kept in the page's URL (docs/contracts.md §2): choosing a file
 * example writes `?compose=<its path>` (the parameter the page already reads), the built-in
 * default removes `compose`/`scenario`, so a reload or a shared URL opens the same example.
 * Other parameters (theme, learn, …) and the hash are kept. Pure.
 */
import { exampleById } from '../features/compose/examples';

/** The query string (with `?`, or `''`) for `search` once the example `exampleId` is chosen; null when it is not an example. */
export function searchForExample(search: string, exampleId: string): string | null {
  const example = exampleById(exampleId);
  if (!example) return null;
  const params = new URLSearchParams(search);
  params.delete('compose');
  params.delete('scenario');
  params.delete('events');
  if (example.path !== undefined) params.set('compose', example.path);
  const text = params.toString().replace(/%2F/g, '/');
  return text === '' ? '' : `?${text}`;
}
