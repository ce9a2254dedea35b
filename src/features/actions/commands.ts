/**
 * The action panel's commands: the eight Docker commands (exact button names from
 * docs/contracts.md §2) with their keyboard shortcuts, and the process events used for teaching.
 * Plain data; whether a command is enabled is always asked of the snapshot.
 */
import type { ContainerCommand, ProcessEvent } from '../../../machines';

/** The button names the page contract fixes. */
type CommandLabel = 'Start' | 'Stop' | 'Kill' | 'Pause' | 'Unpause' | 'Restart' | 'Remove' | 'Force remove';

export interface CommandDef {
  label: CommandLabel;
  event: ContainerCommand;
  /** Keys as shown on the button, each in its own `<kbd>` (`⇧` is Shift). */
  keys: readonly string[];
  /** `aria-keyshortcuts` value. */
  ariaKeyShortcuts: string;
}

export const COMMANDS: readonly CommandDef[] = [
  { label: 'Start', event: { type: 'start' }, keys: ['S'], ariaKeyShortcuts: 'S' },
  { label: 'Stop', event: { type: 'stop' }, keys: ['T'], ariaKeyShortcuts: 'T' },
  { label: 'Kill', event: { type: 'kill' }, keys: ['K'], ariaKeyShortcuts: 'K' },
  { label: 'Pause', event: { type: 'pause' }, keys: ['P'], ariaKeyShortcuts: 'P' },
  { label: 'Unpause', event: { type: 'unpause' }, keys: ['U'], ariaKeyShortcuts: 'U' },
  { label: 'Restart', event: { type: 'restart' }, keys: ['R'], ariaKeyShortcuts: 'R' },
  { label: 'Remove', event: { type: 'remove' }, keys: ['X'], ariaKeyShortcuts: 'X Delete' },
  { label: 'Force remove', event: { type: 'remove', force: true }, keys: ['⇧X'], ariaKeyShortcuts: 'Shift+X' },
];

/** What happens to the main process by itself (not a Docker command). */
export interface ProcessEventDef {
  /** Button name; avoids the word "kill" so it never collides with `Kill`. */
  label: string;
  event: ProcessEvent;
  /** What it simulates, shown under the button. */
  explanation: string;
}

export const PROCESS_EVENTS: readonly ProcessEventDef[] = [
  { label: 'Simulate crash', event: { type: 'exit', exitCode: 1 }, explanation: 'the main process exits with code 1' },
  { label: 'Simulate OOM', event: { type: 'oom' }, explanation: 'the kernel OOM killer ends it: exit 137, OOMKilled' },
  { label: 'Simulate clean exit', event: { type: 'exit', exitCode: 0 }, explanation: 'the main process finishes: exit 0' },
];

/** The command a key press asks for, or null. Letters ignore case except for Shift+X. */
export function commandForKey(key: string, shiftKey: boolean): CommandDef | null {
  const k = key.length === 1 ? key.toLowerCase() : key;
  const byLabel = (label: CommandLabel) => COMMANDS.find((c) => c.label === label) ?? null;
  if (k === 'x') return byLabel(shiftKey ? 'Force remove' : 'Remove');
  if (k === 'Delete') return byLabel(shiftKey ? 'Force remove' : 'Remove');
  if (shiftKey) return null;
  const letters: Record<string, CommandLabel> = { s: 'Start', t: 'Stop', k: 'Kill', p: 'Pause', u: 'Unpause', r: 'Restart' };
  const label = letters[k];
  return label ? byLabel(label) : null;
}
