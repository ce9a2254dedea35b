/**
 * Timed docker stop/restart as shown on screen: countdown wording, the pending record's
 * view at each instant (SIGTERM ignored → SIGKILL; graceful exit), and the stop behaviour
 * line every container panel shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dockerStatus, inspectState, normaliseProcess, type PendingCommand } from '../../../machines';
import { countdownText, durationText } from '../../../src/model/runtime/durationText';
import { pendingView, stopBehaviourSummary } from '../../../src/model/runtime/pendingStop';
import { simulate, type Simulated } from './helpers';

let sim: Simulated | undefined;
afterEach(() => {
  sim?.architecture.stop();
  sim = undefined;
});

function timedStop(s: Simulated, name: string, event: { type: 'stop' } | { type: 'restart' } = { type: 'stop' }): PendingCommand {
  s.architecture.send(name, event);
  const pending = s.architecture.getPending().get(name);
  if (!pending) throw new Error(`expected ${name}'s ${event.type} to be pending`);
  return pending;
}

describe('countdownText', () => {
  it.each([
    [0, '0 s'],
    [-5, '0 s'],
    [1, '10 ms'],
    [400, '400 ms'],
    [401, '410 ms'],
    [999, '1000 ms'],
    [1000, '1 s'],
    [1500, '1.5 s'],
    [1401, '1.5 s'],
    [7000, '7 s'],
    [9950, '10 s'],
    [10_000, '10 s'],
    [15_500, '16 s'],
    [119_000, '119 s'],
    [180_000, '3 min'],
  ])('%i ms → %s', (ms, text) => {
    expect(countdownText(ms)).toBe(text);
  });

  it('durationText words settings', () => {
    expect([durationText(200), durationText(1500), durationText(10_000), durationText(30_000), durationText(Infinity)]).toEqual([
      '200 ms',
      '1.5 s',
      '10 s',
      '30 s',
      'forever',
    ]);
  });
});

describe('pendingView', () => {
  it('api-gateway ignores SIGTERM: "SIGTERM ignored · SIGKILL in …" counts down the 10 s grace; status stays running', async () => {
    sim = simulate();
    const pending = timedStop(sim, 'api-gateway');
    const process = sim.snapshot('api-gateway').context.process;
    const start = sim.clock.now();

    expect(pending.graceMs).toBe(10_000);
    expect(pendingView(pending, process, start)).toMatchObject({
      command: 'stop',
      text: 'SIGTERM ignored · SIGKILL in 10 s',
      progress: 0,
      sigkill: true,
    });

    await sim.advance(3000);
    const view = pendingView(pending, process, sim.clock.now());
    expect(view.text).toBe('SIGTERM ignored · SIGKILL in 7 s');
    expect(view.progress).toBeCloseTo(0.3);
    expect(dockerStatus(sim.snapshot('api-gateway'))).toBe('running');

    await sim.advance(7000);
    expect(sim.architecture.getPending().has('api-gateway')).toBe(false);
    expect(inspectState(sim.snapshot('api-gateway'))).toMatchObject({ Status: 'exited', ExitCode: 137 });
  });

  it('product-service handles SIGTERM: "SIGTERM sent · exits in 1.5 s", then exit 0', async () => {
    sim = simulate();
    const pending = timedStop(sim, 'product-service');
    const process = sim.snapshot('product-service').context.process;

    expect(pendingView(pending, process, pending.startedAt).text).toBe('SIGTERM sent · exits in 1.5 s');
    expect(pendingView(pending, process, pending.startedAt + 1000).text).toBe('SIGTERM sent · exits in 500 ms');

    await sim.advance(1500);
    expect(inspectState(sim.snapshot('product-service'))).toMatchObject({ Status: 'exited', ExitCode: 0 });
  });

  it('payment-service needs 15 s but the grace is 10 s: SIGKILL countdown, exit 137', () => {
    sim = simulate();
    const pending = timedStop(sim, 'payment-service');
    const view = pendingView(pending, sim.snapshot('payment-service').context.process, pending.startedAt);

    expect(view.text).toBe('SIGTERM sent · SIGKILL in 10 s');
    expect(pending.exitCode).toBe(137);
  });

  it('a restart reads the same and says so', () => {
    sim = simulate();
    const pending = timedStop(sim, 'api-gateway', { type: 'restart' });
    expect(pendingView(pending, sim.snapshot('api-gateway').context.process, pending.startedAt).command).toBe('restart');
  });

  it('never shows a negative countdown or progress past 1', () => {
    sim = simulate();
    const pending = timedStop(sim, 'api-gateway');
    const process = sim.snapshot('api-gateway').context.process;
    expect(pendingView(pending, process, pending.endsAt + 5000)).toMatchObject({ remainingMs: 0, progress: 1 });
    expect(pendingView(pending, process, pending.startedAt - 5000)).toMatchObject({ progress: 0 });
  });

  it('order-service dies on SIGTERM: no pending record, the stop finishes at once with 143', () => {
    sim = simulate();
    const entry = sim.architecture.send('order-service', { type: 'stop' });

    expect(entry.events.map((e) => e.Action)).toContain('die');
    expect(sim.architecture.getPending().size).toBe(0);
    expect(inspectState(sim.snapshot('order-service'))).toMatchObject({ Status: 'exited', ExitCode: 143 });
  });

  it('Kill during the grace period cancels the stop and kills at once (137, no stop event)', async () => {
    sim = simulate();
    timedStop(sim, 'product-service');
    await sim.advance(500);
    const entry = sim.architecture.send('product-service', { type: 'kill' });

    expect(sim.architecture.getPending().has('product-service')).toBe(false);
    expect(entry.events.map((e) => e.Action)).toEqual(['kill', 'disconnect', 'die']);
    expect(inspectState(sim.snapshot('product-service'))).toMatchObject({ Status: 'exited', ExitCode: 137 });
    await sim.advance(5000);
    // The stop is logged as ended by the kill: no events of its own.
    expect(sim.architecture.getLog().find((e) => e.cli === 'docker stop product-service')?.events).toEqual([]);
  });
});

describe('stopBehaviourSummary', () => {
  it('words each of the scenario behaviours', () => {
    sim = simulate();
    const line = (name: string) => stopBehaviourSummary(sim!.snapshot(name).context.process);

    expect(line('api-gateway')).toBe('ignores SIGTERM (PID 1 without a handler) → 137 after 10 s');
    expect(line('order-service')).toBe('dies on SIGTERM at once (default signal action) → 143');
    expect(line('product-service')).toBe('handles SIGTERM, shuts down in 1.5 s → 0');
    expect(line('payment-service')).toBe('handles SIGTERM but needs 15 s: SIGKILL after 10 s → 137');
  });

  it('follows the grace period', () => {
    expect(stopBehaviourSummary(normaliseProcess({ onStopSignal: 'ignores', shutdownMs: 500, exitCode: 0 }), 3)).toBe(
      'ignores SIGTERM (PID 1 without a handler) → 137 after 3 s',
    );
    expect(stopBehaviourSummary(normaliseProcess({ onStopSignal: 'graceful', shutdownMs: 15_000, exitCode: 0 }), 20)).toBe(
      'handles SIGTERM, shuts down in 15 s → 0',
    );
  });
});
