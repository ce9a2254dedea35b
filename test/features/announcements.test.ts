import { describe, expect, it } from 'vitest';
import { createArchitecture, ecommerceScenario } from '../../machines';
import { announcementsFor, containersTouched, factsOf } from '../../src/features/log/announcements';

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

describe('the containers a log entry can have changed', () => {
  it('are the ones it names: asking only them gives the same announcements as asking every container', async () => {
    const { parseEventsLog } = await import('../../src/model/events/parseEventsLog');
    const { Replay } = await import('../../src/model/replay/replay');
    const { busyHostLog } = await import('../fixtures/generatedEventsLog');
    const { SimulatedClock } = await import('xstate');
    const replay = new Replay(parseEventsLog(busyHostLog({ events: 900, containers: 30 }).text), { clock: new SimulatedClock() });
    // Fewer events than the log keeps (1000), so the entries of each step are its tail.
    let said = 0;
    for (let i = 0; i < replay.length; i++) {
      const architecture = replay.architecture;
      const before = factsOf(architecture);
      const seen = architecture.getLog().length;
      replay.step();
      const fresh = architecture.getLog().slice(seen);
      const touched = containersTouched(fresh);
      const all = announcementsFor(fresh, before, factsOf(architecture));
      expect(announcementsFor(fresh, before, factsOf(architecture, touched))).toEqual(all);
      said += all.length;
    }
    expect(said).toBeGreaterThan(300);
    replay.dispose();
  });
});
