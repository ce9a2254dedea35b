import { describe, expect, it } from 'vitest';
import { createTestArchitecture } from '../../../machines';
import { EXPLANATIONS, explainEntry } from '../../../src/model/explain/explanations';

describe('explainEntry picks the lesson text from what Docker did', () => {
  const t = createTestArchitecture();
  it.each([
    ['postgres', { type: 'stop' } as const, 'docker stop: graceful'],
    ['order-service', { type: 'stop' } as const, 'docker stop: killed by SIGTERM'],
    ['api-gateway', { type: 'stop' } as const, 'docker stop: SIGKILL after the grace period'],
    ['redis', { type: 'pause' } as const, 'docker pause'],
    ['redis', { type: 'unpause' } as const, 'docker unpause'],
    ['redis', { type: 'kill' } as const, 'docker kill'],
    ['redis', { type: 'start' } as const, 'docker start'],
    ['redis', { type: 'start' } as const, 'Nothing to do'],
    ['redis', { type: 'restart' } as const, 'docker restart'],
    ['redis', { type: 'remove' } as const, 'Docker refused'],
    ['redis', { type: 'remove', force: true } as const, 'docker rm -f'],
    ['postgres', { type: 'remove' } as const, 'docker rm'],
    ['rabbitmq', { type: 'oom' } as const, 'Out of memory'],
    ['frontend-1', { type: 'exit', exitCode: 2 } as const, 'The process exited by itself'],
  ])('%s %j → %s', async (name, event, title) => {
    const entry = t.send(name, event);
    await t.advance(10_000); // a docker stop/restart returns when its grace period is over
    expect(explainEntry(entry)?.title).toBe(title);
  });

  it('every text is short (at most three sentences)', () => {
    for (const e of Object.values(EXPLANATIONS)) expect(e.text.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeLessThanOrEqual(3);
  });
});
