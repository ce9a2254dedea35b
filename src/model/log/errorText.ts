/**
 * What a refused command printed, as the terminal would show it: Docker's
 * `Error response from daemon: …`, a Compose run's own error line, or the live page's
 * or bridge's refusal (never presented as Docker's). Pure. Null for an entry that did not fail.
 */
import type { LogEntry } from '../../../machines';

export function errorText(entry: LogEntry): string | null {
  if (entry.outcome !== 'error') return null;
  if (entry.refusedBy) return `Not sent to Docker: ${entry.message ?? ''}`;
  if (entry.printedBy === 'compose') return entry.message ?? '';
  return `Error response from daemon: ${entry.message ?? ''}`;
}
