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
  it('reports unknown parameters as the embed page does, and keeps the known ones', () => {
    const choice = scenarioFromUrl('?scenario=ecommerce&story=typical-flow&zoom=2&theme=dark');
    expect(choice.id).toBe('ecommerce');
    expect(choice.error).toBe('Unknown parameters "story", "zoom" ignored (known: scenario, compose, events, theme, learn).');
    expect(scenarioFromUrl('?scenario=nope&x=1').error).toMatch(/^Unknown scenario "nope".* Unknown parameter "x" ignored/);
    expect(scenarioFromUrl('?compose=a.yml&compose=b.yml&events=e.log&learn=0').error).toBeNull();
  });
});
