import { describe, expect, it } from 'vitest';
import { commandForKey, COMMANDS } from '../../src/features/actions/commands';

describe('command shortcuts', () => {
  it('names the eight buttons exactly as the page contract does', () => {
    expect(COMMANDS.map((c) => c.label)).toEqual(['Start', 'Stop', 'Kill', 'Pause', 'Unpause', 'Restart', 'Remove', 'Force remove']);
  });
  it('maps letters to commands', () => {
    expect(commandForKey('s', false)?.event).toEqual({ type: 'start' });
    expect(commandForKey('T', false)?.event).toEqual({ type: 'stop' });
    expect(commandForKey('k', false)?.event).toEqual({ type: 'kill' });
    expect(commandForKey('p', false)?.event).toEqual({ type: 'pause' });
    expect(commandForKey('u', false)?.event).toEqual({ type: 'unpause' });
    expect(commandForKey('r', false)?.event).toEqual({ type: 'restart' });
    expect(commandForKey('x', false)?.event).toEqual({ type: 'remove' });
    expect(commandForKey('Delete', false)?.event).toEqual({ type: 'remove' });
    expect(commandForKey('X', true)?.event).toEqual({ type: 'remove', force: true });
  });
  it('ignores other keys and shifted letters', () => {
    expect(commandForKey('a', false)).toBeNull();
    expect(commandForKey('S', true)).toBeNull();
    expect(commandForKey('Enter', false)).toBeNull();
  });
});
