/**
 * How long the bridge lives: until SIGINT/SIGTERM/SIGHUP, or until the process that
 * started it is gone. `npx container-lifecycle live` and `npm run live` run the bridge
 * under `sh -c` (npm's script shell); npm forwards SIGTERM to that shell only, and a POSIX
 * shell (dash) dies of it without passing it on, so the bridge is left an orphan (its
 * parent becomes PID 1 or a subreaper). Watching the parent PID catches that case.
 */

/** How often the parent PID is checked, ms. */
const PARENT_CHECK_MS = 250;

/** The signals that end the bridge. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Calls `end` once: on one of `ENDING_SIGNALS`, or when `process.ppid` changes (the
 * parent exited). Returns a function that stops watching.
 */
export function endWithParent(end: (why: string) => void): () => void {
  const parent = process.ppid;
  let ended = false;
  const once = (why: string) => {
    if (ended) return;
    ended = true;
    stop();
    end(why);
  };
  const handlers = ENDING_SIGNALS.map((signal) => [signal, () => once(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const timer = setInterval(() => {
    if (process.ppid !== parent) once(`its parent process (${parent}) exited`);
  }, PARENT_CHECK_MS);
  // The server keeps the process alive; this check alone must not.
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
  return stop;
}
