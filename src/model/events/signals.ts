/**
 * Linux signal names and numbers, for the `signal` attribute of `kill` events.
 * Docker always writes the number (`moby:daemon/kill.go`: `signal=<number>`); names show up in
 * hand-written logs and in `docker kill -s` arguments. One table for the project, in machines/.
 */
export { parseSignal } from '../../../machines/container/signals';
