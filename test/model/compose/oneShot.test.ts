import { describe, expect, it } from 'vitest';
import { createTestArchitecture } from '../../../machines';
import { parseCompose } from '../../../src/model/compose/parseCompose';
import { ONE_SHOT_RUN_MS } from '../../../src/model/compose/oneShot';

const file = `
name: shop
services:
  db:
    image: postgres:16
  migrate:
    image: shop/migrate:1
    depends_on: [db]
  api:
    image: shop/api:1
    depends_on:
      migrate: { condition: service_completed_successfully }
`;

describe('one-shot services', () => {
  it('a service awaited with service_completed_successfully completes by itself with exit 0', () => {
    const result = parseCompose(file);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.spec.services.find((s) => s.name === 'migrate')?.process).toMatchObject({ completesAfterMs: ONE_SHOT_RUN_MS });
    expect(result.spec.services.find((s) => s.name === 'db')?.process).toBeUndefined();
  });

  it('so Compose up goes on: migrate exits 0, then api starts', async () => {
    const result = parseCompose(file);
    if (!result.ok) throw new Error(result.error.message);
    const t = createTestArchitecture(result.spec, { up: false });
    t.architecture.compose('up');
    for (let i = 0; i < 20; i++) await t.advance(500);
    t.expectStatus('shop-migrate-1', 'exited');
    expect(t.inspect('shop-migrate-1').ExitCode).toBe(0);
    t.expectStatus('shop-api-1', 'running');
    expect(t.architecture.getComposeProgress()?.status).toBe('done');
  });
});
