/**
 * Plain-words announcements for the live region: one sentence per state change
 * ("order-service paused", "order-service exited with code 137 after SIGKILL"), and
 * Docker's answer when a command is refused. Pure.
 */
import { dockerStatus, signalName, type Architecture, type DockerStatus, type LogEntry } from '../../../machines';

/** What an announcement needs to know about one container. */
export interface ContainerFacts {
  status: DockerStatus;
  exitCode: number;
  oomKilled: boolean;
}

export type FactsByName = ReadonlyMap<string, ContainerFacts>;

/**
 * Current facts of the containers of `architecture` named in `names` (default: every
 * container), by name. A name with no container is left out.
 */
export function factsOf(architecture: Architecture, names?: Iterable<string>): Map<string, ContainerFacts> {
  const facts = new Map<string, ContainerFacts>();
  for (const name of names ?? architecture.containers.map((c) => c.name)) {
    const snapshot = architecture.containerActor(name)?.getSnapshot();
    if (!snapshot) continue;
    facts.set(name, { status: dockerStatus(snapshot), exitCode: snapshot.context.exitCode, oomKilled: snapshot.context.oomKilled });
  }
  return facts;
}

/**
 * The containers `entries` can have changed: each entry's container and every container
 * its Docker events name (a rename's old name too). Every status change is recorded as
 * such an event, so the facts of no other container can differ after these entries.
 */
export function containersTouched(entries: readonly LogEntry[]): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.container !== undefined) names.add(entry.container);
    for (const event of entry.events) {
      if (event.Type !== 'container') continue;
      const { name, oldName } = event.Actor.Attributes;
      if (name !== undefined) names.add(name);
      if (oldName !== undefined) names.add(oldName.replace(/^\//, ''));
    }
  }
  return names;
}

function exitWords(after: ContainerFacts, signal: string | null): string {
  const cause = after.oomKilled ? ' (killed by the kernel OOM killer)' : signal ? ` after ${signal}` : '';
  return `exited with code ${after.exitCode}${cause}`;
}

/**
 * The signal Docker sent `name` last before its process died, within `entries`
 * (`SIGKILL` after docker kill or a docker stop that ran out of time, `SIGTERM` after a
 * docker stop the process obeyed), or null when it died by itself.
 */
function signalBeforeDeath(entries: readonly LogEntry[], name: string): string | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const events = entries[i]?.events ?? [];
    const ofName = (action: string) => (e: (typeof events)[number]) => e.Type === 'container' && e.Action === action && e.Actor.Attributes.name === name;
    const die = events.map(ofName('die')).lastIndexOf(true);
    if (die < 0) continue;
    const kill = events.slice(0, die).filter(ofName('kill')).at(-1);
    const n = Number(kill?.Actor.Attributes.signal);
    return kill && Number.isInteger(n) && n > 0 ? signalName(n) : null;
  }
  return null;
}

/**
 * The sentence for one container's change, or null when its status did not change.
 * `signal`: what Docker sent before the process died (see {@link signalBeforeDeath}).
 */
function changeSentence(name: string, before: ContainerFacts | undefined, after: ContainerFacts, signal: string | null = null): string | null {
  if (before && before.status === after.status) return null;
  switch (after.status) {
    case 'created':
      return `${name} created (new container, not started)`;
    case 'running':
      if (!before) return `${name} created and running`;
      if (before.status === 'restarting') return `${name} running again, started by its restart policy`;
      if (before.status === 'paused') return `${name} unpaused, running`;
      return `${name} running`;
    case 'paused':
      return `${name} paused`;
    case 'restarting':
      return `${name} ${exitWords(after, signal)}; restarting by its restart policy`;
    case 'exited':
      return `${name} ${exitWords(after, signal)}`;
    case 'removed':
      return `${name} removed`;
    default:
      return `${name} ${after.status}`;
  }
}

/**
 * The announcements for log entries appended together, given the facts before and after
 * them: Docker's answer for each refused command, then each container's change once.
 */
export function announcementsFor(entries: readonly LogEntry[], before: FactsByName, after: FactsByName): string[] {
  const sentences: string[] = [];
  for (const entry of entries) {
    if (entry.outcome === 'error') sentences.push(`${entry.cli} failed. Error response from daemon: ${entry.message ?? ''}`);
    if (entry.outcome === 'no-op') sentences.push(`${entry.cli}: nothing changed, ${entry.message ?? ''}`);
  }
  let changed = false;
  for (const [name, facts] of after) {
    const sentence = changeSentence(name, before.get(name), facts, facts.status === 'exited' || facts.status === 'restarting' ? signalBeforeDeath(entries, name) : null);
    if (sentence) {
      sentences.push(sentence);
      changed = true;
    }
  }
  if (changed) return sentences;
  // Accepted commands that changed no status (a restart, a non-fatal signal) still get a word.
  for (const entry of entries) {
    if (entry.outcome !== 'ok' || entry.events.length === 0) continue;
    const restarted = entry.container && entry.events.some((e) => e.Action === 'restart');
    sentences.push(restarted ? `${entry.container} restarted` : `${entry.cli}: done`);
  }
  return sentences;
}
