/**
 * `src/model/layout/builtinLayouts.json`: the built-in scenarios' layouts, precomputed so
 * the pages draw the default architecture without loading dagre. This test writes it
 * (`npx vitest run test/model/layout/builtinLayouts.test.ts -u`) and fails when it is out
 * of date (a change to the layout code or to a scenario): then run that command.
 */
import { describe, expect, it } from 'vitest';
import { createArchitecture, ecommerceScenario, scenarios } from '../../../machines';
import { precomputedLayout, specKey } from '../../../src/model/layout/architectureLayouts';
import { layoutArchitecture } from '../../../src/model/layout/layoutArchitecture';

describe('precomputed layouts', () => {
  it('builtinLayouts.json holds the layout of every built-in scenario', async () => {
    const layouts = Object.fromEntries(Object.values(scenarios).map((spec) => [specKey(spec), layoutArchitecture(spec)]));
    const file = { generatedBy: 'test/model/layout/builtinLayouts.test.ts (run it with -u to update)', layouts };
    await expect(`${JSON.stringify(file, null, 2)}\n`).toMatchFileSnapshot('../../../src/model/layout/builtinLayouts.json');
  });

  it('finds the scenario as the running architecture holds it, and as a save brings it back', () => {
    const expected = layoutArchitecture(ecommerceScenario);
    const architecture = createArchitecture(ecommerceScenario);
    expect(precomputedLayout(architecture.spec)).toEqual(expected);
    const saved = JSON.parse(JSON.stringify(architecture.save())) as { spec: typeof ecommerceScenario };
    const reordered = Object.fromEntries(Object.entries(saved.spec).reverse()) as typeof ecommerceScenario;
    expect(precomputedLayout(reordered)).toEqual(expected);
    architecture.stop();
  });

  it('has nothing for another spec', () => {
    const scaled = { ...ecommerceScenario, services: ecommerceScenario.services.map((s) => (s.name === 'redis' ? { ...s, replicas: 2 } : s)) };
    expect(precomputedLayout(scaled)).toBeNull();
  });
});
