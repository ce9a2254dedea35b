/**
 * Linux signal names and numbers, for the `signal` attribute of `kill` events.
 * Docker always writes the number (`moby:daemon/kill.go`: `signal=<number>`); names show up in
 * hand-written logs and in `docker kill -s` arguments.
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
