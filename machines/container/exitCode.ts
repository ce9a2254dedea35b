/**
 * The range of a process exit code: the low byte of the wait status, 0 to 255 (POSIX
 * `WEXITSTATUS`; codes above 128 are 128 + a signal number). Every check of an exit
 * code in the project asks this file.
 */

/** Lowest exit code. */
export const EXIT_CODE_MIN = 0;
/** Highest exit code (one byte). */
export const EXIT_CODE_MAX = 255;

/** Whether `code` is an exit code a process can have: an integer from 0 to 255. */
export function isValidExitCode(code: unknown): code is number {
  return typeof code === 'number' && Number.isInteger(code) && code >= EXIT_CODE_MIN && code <= EXIT_CODE_MAX;
}
