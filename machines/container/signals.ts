/**
 * Linux signal names and numbers as `docker kill -s` accepts them
 * (docker/cli parses `SIGTERM`, `TERM` or `15`; moby `pkg/signal`).
 */

/** Linux x86/arm signal numbers (signal(7)); Docker's table: `moby/sys/signal` `signal_linux.go`. */
const LINUX_SIGNALS: Readonly<Record<string, number>> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, IOT: 6, BUS: 7, FPE: 8, KILL: 9,
  USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17,
  CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25,
  VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, POLL: 29, PWR: 30, SYS: 31,
};
const SIGRTMIN = 34;
const SIGRTMAX = 64;

/**
 * Parses a signal given as a number (`"15"`) or a name with or without `SIG`, any case
 * (`"SIGTERM"`, `"TERM"`, `"sigkill"`, `"RTMIN+3"`).
 * @returns the Linux signal number (1–64), or `undefined` for a missing, empty or unknown value.
 */
export function parseSignal(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = value.trim().toUpperCase();
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= SIGRTMAX ? n : undefined;
  }
  const name = s.startsWith('SIG') ? s.slice(3) : s;
  const known = LINUX_SIGNALS[name];
  if (known !== undefined) return known;
  const rt = /^RT(MIN|MAX)(?:([+-])(\d+))?$/.exec(name);
  if (!rt) return undefined;
  const base = rt[1] === 'MIN' ? SIGRTMIN : SIGRTMAX;
  const n = base + (rt[2] === '-' ? -1 : 1) * Number(rt[3] ?? 0);
  return n >= SIGRTMIN && n <= SIGRTMAX ? n : undefined;
}

/** `SIGTERM` → 15 for every named signal (the names `docker kill -s` accepts). */
export const SIGNALS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(LINUX_SIGNALS).map(([name, n]) => [`SIG${name}`, n]),
);

export const SIGKILL = 9;
export const SIGTERM = 15;

/**
 * Signal number for `docker kill -s`: `SIGTERM`, `TERM`, `sigterm` or `"15"`; no signal
 * means SIGKILL (Docker's default); `undefined` when unknown (Docker answers
 * `Invalid signal: <sig>`). Never throws, whatever the input.
 */
export function signalNumber(signal: string | undefined): number | undefined {
  if (signal === undefined || signal === '') return SIGKILL;
  if (typeof signal !== 'string') return undefined;
  return parseSignal(signal);
}

/** `SIGTERM` for 15; `SIG<n>` for numbers without a name here. */
export function signalName(n: number): string {
  const name = Object.keys(LINUX_SIGNALS).find((key) => LINUX_SIGNALS[key] === n);
  return name ? `SIG${name}` : `SIG${n}`;
}

/**
 * Whether a signal's default action terminates the process (signal(7)). Signals whose
 * default is to ignore (SIGCHLD, SIGWINCH) or continue (SIGCONT) do not; SIGSTOP stops
 * rather than kills, which Docker does not show as an exit either.
 */
export function terminatesByDefault(n: number): boolean {
  return ![17, 18, 19, 20, 21, 22, 23, 28].includes(n);
}
