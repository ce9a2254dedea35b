import { describe, expect, it } from 'vitest';
import { scenarioFromUrl } from '../../src/app/scenarioFromUrl';

describe('scenarioFromUrl', () => {
  it('defaults to the e-commerce platform', () => {
    const choice = scenarioFromUrl('');
    expect(choice.id).toBe('ecommerce');
    expect(choice.error).toBeNull();
    expect(choice.spec.services).toHaveLength(10);
  });
  it('falls back with an error for an unknown id', () => {
    const choice = scenarioFromUrl('?scenario=nope');
    expect(choice.id).toBe('ecommerce');
    expect(choice.error).toMatch(/Unknown scenario "nope"/);
  });
  it('does not treat inherited object keys as scenarios', () => {
    expect(scenarioFromUrl('?scenario=toString').error).not.toBeNull();
  });
});
