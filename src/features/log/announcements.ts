/**
 * Plain-words announcements for the live region: one sentence per state change
 * ("order-service paused", "order-service exited with code 137"), and Docker's
 * answer when a command is refused. Pure.
 */
import { dockerStatus, type Architecture, type DockerStatus, type LogEntry } from '../../../machines';

/** What an announcement needs to know about one container. */
export interface ContainerFacts {
  status: DockerStatus;
  exitCode: number;
  oomKilled: boolean;
}

export type FactsByName = ReadonlyMap<string, ContainerFacts>;

/** Current facts of every container of `architecture`, by name. */
export function factsOf(architecture: Architecture): Map<string, ContainerFacts> {
  const facts = new Map<string, ContainerFacts>();
  for (const entry of architecture.containers) {
    const snapshot = architecture.containerActor(entry.name)?.getSnapshot();
    if (!snapshot) continue;
    facts.set(entry.name, { status: dockerStatus(snapshot), exitCode: snapshot.context.exitCode, oomKilled: snapshot.context.oomKilled });
  }
  return facts;
}

function exitWords(after: ContainerFacts): string {
  return `exited with code ${after.exitCode}${after.oomKilled ? ' (killed by the kernel OOM killer)' : ''}`;
}

/** The sentence for one container's change, or null when its status did not change. */
export function changeSentence(name: string, before: ContainerFacts | undefined, after: ContainerFacts): string | null {
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
      return `${name} ${exitWords(after)}; restarting by its restart policy`;
    case 'exited':
      return `${name} ${exitWords(after)}`;
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
    const sentence = changeSentence(name, before.get(name), facts);
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
