/**
 * A timed `docker stop` through the one entry point (`Architecture.send`): the
 * architecture machine keeps the stop pending for the grace period (status `running`),
 * then delivers it on its own clock.
 */
import { describe, expect, it } from 'vitest';
import { commandError, createTestArchitecture, stopOf } from '../../machines';

describe('a timed docker stop (Architecture.send)', () => {
  it('holds the command for the grace period; the status stays running; then SIGKILL gives 137', async () => {
    const t = createTestArchitecture();
    const id = t.architecture.containerActor('api-gateway')!.id;
    const before = t.architecture.actor.getSnapshot();
    const entry = t.architecture.send('api-gateway', { type: 'stop' });
    const pending = t.architecture.getPending().get('api-gateway');
    expect(pending && pending.endsAt - pending.startedAt).toBe(10_000);
    expect(entry.events).toEqual([]);
    const during = t.architecture.actor.getSnapshot();
    expect(stopOf(during.context.pending, id)).toBe(pending);
    // Snapshots are immutable: the one from before the stop does not see it.
    expect(stopOf(before.context.pending, id)).toBeUndefined();
    await t.advance(9_999);
    t.expectStatus('api-gateway', 'running');
    expect(t.architecture.getLog().includes(entry)).toBe(false);
    await t.advance(1);
    t.expectStatus('api-gateway', 'exited');
    expect(t.inspect('api-gateway').ExitCode).toBe(137);
    expect(t.architecture.getPending().size).toBe(0);
    expect(stopOf(during.context.pending, id)).toBe(pending);
    // The entry the caller holds is the one logged, now with Docker's events.
    expect(t.architecture.getLog().includes(entry)).toBe(true);
    expect(entry.events.map((e) => e.Action)).toEqual(['kill', 'kill', 'disconnect', 'die', 'stop']);
  });

  it('a crash during the grace period ends the stop: nothing is stopped later', async () => {
    const t = createTestArchitecture();
    t.send('payment-service', { type: 'update', restartPolicy: 'no' });
    t.architecture.send('payment-service', { type: 'stop' });
    t.send('payment-service', { type: 'exit', exitCode: 3 });
    expect(t.architecture.getPending().size).toBe(0);
    await t.advance(20_000);
    t.expectStatus('payment-service', 'exited');
    expect(t.inspect('payment-service').ExitCode).toBe(3);
    const stop = t.architecture.getLog().find((e) => e.cli === 'docker stop payment-service');
    expect(stop?.events).toEqual([]);
  });

  it('a process that dies by itself and is restarted by its policy is not hit by the old stop', async () => {
    const t = createTestArchitecture();
    t.send('api-gateway', { type: 'update', restartPolicy: 'always' });
    t.architecture.send('api-gateway', { type: 'stop' });
    const child = t.architecture.containerActor('api-gateway')!;
    child.send({ type: 'exit', exitCode: 1 }); // straight to the container: the architecture is not told
    await t.advance(10_000);
    t.expectStatus('api-gateway', 'running');
  });

  it('docker kill during the grace period cancels the stop and kills at once', () => {
    const t = createTestArchitecture();
    t.architecture.send('api-gateway', { type: 'stop' });
    t.architecture.send('api-gateway', { type: 'kill' });
    t.expectStatus('api-gateway', 'exited');
    expect(t.architecture.getPending().size).toBe(0);
  });

  it('other commands during the grace period are refused with the reason; the container alone would accept them', () => {
    const t = createTestArchitecture();
    t.architecture.send('api-gateway', { type: 'stop' });
    const snapshot = t.architecture.containerActor('api-gateway')!.getSnapshot();
    expect(commandError(snapshot, { type: 'pause' })).toBeNull();
    t.expectError(t.send('api-gateway', { type: 'pause' }), 'docker stop api-gateway is still in progress');
    t.expectStatus('api-gateway', 'running');
  });

  it('docker stop -t 0 is SIGKILL at once: nothing pending', () => {
    const t = createTestArchitecture();
    const entry = t.send('api-gateway', { type: 'stop', timeoutSeconds: 0 });
    expect(t.architecture.getPending().size).toBe(0);
    t.expectStatus('api-gateway', 'exited');
    expect(entry.events.map((e) => e.Action)).toContain('die');
  });
});
