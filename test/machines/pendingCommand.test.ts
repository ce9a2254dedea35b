import { describe, expect, it } from 'vitest';
import { createTestArchitecture } from '../../machines';

describe('a timed docker stop (sendTimed)', () => {
  it('holds the command for the grace period; the status stays running; then SIGKILL gives 137', async () => {
    const t = createTestArchitecture();
    const r = t.architecture.sendTimed('api-gateway', { type: 'stop' });
    expect('pending' in r && r.pending.endsAt - r.pending.startedAt).toBe(10_000);
    await t.advance(9_999);
    t.expectStatus('api-gateway', 'running');
    await t.advance(1);
    t.expectStatus('api-gateway', 'exited');
    expect(t.inspect('api-gateway').ExitCode).toBe(137);
    expect(t.architecture.getPending().size).toBe(0);
  });

  it('a crash during the grace period ends the stop: nothing is stopped later', async () => {
    const t = createTestArchitecture();
    t.send('payment-service', { type: 'update', restartPolicy: 'no' });
    t.architecture.sendTimed('payment-service', { type: 'stop' });
    t.send('payment-service', { type: 'exit', exitCode: 3 });
    expect(t.architecture.getPending().size).toBe(0);
    await t.advance(20_000);
    t.expectStatus('payment-service', 'exited');
    expect(t.inspect('payment-service').ExitCode).toBe(3);
    expect(t.architecture.getLog().some((e) => e.cli === 'docker stop payment-service')).toBe(false);
  });

  it('docker kill during the grace period cancels the stop and kills at once', () => {
    const t = createTestArchitecture();
    t.architecture.sendTimed('api-gateway', { type: 'stop' });
    t.architecture.sendTimed('api-gateway', { type: 'kill' });
    t.expectStatus('api-gateway', 'exited');
    expect(t.architecture.getPending().size).toBe(0);
  });
});
