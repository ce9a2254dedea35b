/**
 * The action panel shows a refused command beside the buttons while it is the latest word
 * about that container (a fresh-user trial at 800×500: `x` on a running redis changed
 * nothing visible, the error was only in the log below the fold).
 */
import { describe, expect, it } from 'vitest';
import { createArchitecture, ecommerceScenario } from '../../../machines';
import { lastRefusal } from '../../../src/features/actions/useLastRefusal';
import { errorText } from '../../../src/model/log/errorText';

describe('lastRefusal', () => {
  it('is the refused command on that container until anything else about it is logged', () => {
    const architecture = createArchitecture(ecommerceScenario);
    const opened = architecture.getLog().at(-1)!.seq;
    expect(lastRefusal(architecture.getLog(), 'redis', opened)).toBeNull();

    architecture.send('redis', { type: 'remove' });
    const refused = lastRefusal(architecture.getLog(), 'redis', opened);
    expect(refused?.cli).toBe('docker rm redis');
    expect(errorText(refused!)).toMatch(/^Error response from daemon: cannot remove container "redis": container is running/);
    expect(lastRefusal(architecture.getLog(), 'postgres', opened), 'another container').toBeNull();

    architecture.send('postgres', { type: 'pause' });
    expect(lastRefusal(architecture.getLog(), 'redis', opened)?.cli, 'other containers do not hide it').toBe('docker rm redis');
    architecture.send('redis', { type: 'pause' });
    expect(lastRefusal(architecture.getLog(), 'redis', opened), 'a later command on redis replaces it').toBeNull();
  });

  it('ignores what was logged before the panel opened', () => {
    const architecture = createArchitecture(ecommerceScenario);
    architecture.send('redis', { type: 'remove' });
    expect(lastRefusal(architecture.getLog(), 'redis', architecture.getLog().at(-1)!.seq)).toBeNull();
  });
});
