/**
 * Simulated identifiers: container IDs (64 hex, like Docker's) and host PIDs.
 * Values are made up but consistent: an ID never changes, a PID changes on every start.
 */

/** A random 64-hex container ID (Docker uses 32 random bytes). */
export function randomContainerId(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Docker's 12-character short ID. */
export function shortId(id: string): string {
  return id.slice(0, 12);
}

/**
 * Host PID of the container's init process for its `startCount`-th start: derived from
 * the ID so it is stable across save/restore, different on every start.
 */
export function hostPid(id: string, startCount: number): number {
  let h = 0;
  for (let i = 0; i < 12 && i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return 2000 + ((h + startCount * 7919) % 60000);
}

/** Docker's container name rule (moby `daemon/names.go` `validContainerNamePattern`), leading `/` allowed. */
const VALID_CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function isValidContainerName(name: unknown): name is string {
  return typeof name === 'string' && VALID_CONTAINER_NAME.test(name);
}
