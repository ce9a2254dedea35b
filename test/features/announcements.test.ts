import { describe, expect, it } from 'vitest';
import { createArchitecture, ecommerceScenario } from '../../machines';
import { announcementsFor, factsOf } from '../../src/features/log/announcements';

describe('live announcements', () => {
  it('says each state change once, in plain words', () => {
    const architecture = createArchitecture(ecommerceScenario);
    const say = (run: () => ReturnType<typeof architecture.send>) => {
      const before = factsOf(architecture);
      const entry = run();
      return announcementsFor([entry], before, factsOf(architecture));
    };
    expect(say(() => architecture.send('order-service', { type: 'pause' }))).toEqual(['order-service paused']);
    expect(say(() => architecture.send('order-service', { type: 'kill' }))).toEqual(['order-service exited with code 137 after SIGKILL']);
    expect(say(() => architecture.send('order-service', { type: 'stop' }))[0]).toMatch(/nothing changed, container is already stopped/);
    expect(say(() => architecture.send('order-service', { type: 'pause' }))[0]).toMatch(/^docker pause order-service failed\. Error response from daemon: /);
    expect(say(() => architecture.send('order-service', { type: 'remove' }))).toEqual(['order-service removed']);
    // `-t 0`: SIGKILL at once, no grace period to wait for (a timed restart is announced when it ends).
    expect(say(() => architecture.send('api-gateway', { type: 'restart', timeoutSeconds: 0 }))).toEqual(['api-gateway restarted']);
    architecture.stop();
  });
});
