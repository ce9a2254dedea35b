/**
 * Linux signal names and numbers as `docker kill -s` accepts them
 * (docker/cli parses `SIGTERM`, `TERM` or `15`; moby `pkg/signal`).
 */

/** x86-64 Linux numbers of the signals a learner meets. */
export const SIGNALS: Readonly<Record<string, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGABRT: 6,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGWINCH: 28,
};

export const SIGKILL = 9;
export const SIGTERM = 15;

/**
 * Signal number for `SIGTERM`, `TERM`, `sigterm` or `"15"`; `undefined` when unknown
 * (Docker answers `Invalid signal: <sig>`).
 */
export function signalNumber(signal: string | undefined): number | undefined {
  if (signal === undefined || signal === '') return SIGKILL;
  if (typeof signal !== 'string') return undefined;
  const trimmed = signal.trim();
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    return n >= 1 && n <= 64 ? n : undefined;
  }
  const upper = trimmed.toUpperCase();
  return SIGNALS[upper.startsWith('SIG') ? upper : `SIG${upper}`];
}

/** `SIGTERM` for 15; `SIG<n>` for numbers without a name here. */
export function signalName(n: number): string {
  return Object.keys(SIGNALS).find((name) => SIGNALS[name] === n) ?? `SIG${n}`;
}

/**
 * Whether a signal's default action terminates the process (signal(7)). Signals whose
 * default is to ignore (SIGCHLD, SIGWINCH) or continue (SIGCONT) do not; SIGSTOP stops
 * rather than kills, which Docker does not show as an exit either.
 */
export function terminatesByDefault(n: number): boolean {
  return ![17, 18, 19, 20, 21, 22, 23, 28].includes(n);
}
