/**
 * Docker appends text to some actions: `exec_create: <cmd>`, `exec_start: <cmd>`,
 * `health_status: healthy|unhealthy` (`moby:api/types/events/events.go`, docs/docker-behaviour.md §3.1).
 */

/**
 * Splits an action at the first `': '`.
 *
 * @example splitAction('exec_create: /bin/sh -c pg_isready') // { baseAction: 'exec_create', actionDetail: '/bin/sh -c pg_isready' }
 * @example splitAction('start') // { baseAction: 'start' }
 * @returns `actionDetail` is omitted when there is no `': '`; an action ending in `':'` gives `actionDetail: ''`.
 */
export function splitAction(action: string): { baseAction: string; actionDetail?: string } {
  const i = action.indexOf(': ');
  if (i >= 0) return { baseAction: action.slice(0, i), actionDetail: action.slice(i + 2) };
  if (action.endsWith(':')) return { baseAction: action.slice(0, -1), actionDetail: '' };
  return { baseAction: action };
}
