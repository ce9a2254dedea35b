import { describe, expect, it } from 'vitest';
import { searchForExample } from '../../src/app/exampleInUrl';
import { scenarioFromUrl } from '../../src/app/scenarioFromUrl';

describe('searchForExample', () => {
  it('writes a file example as ?compose=<path>, keeping other parameters', () => {
    expect(searchForExample('?theme=dark&scenario=ecommerce', 'voting')).toBe('?theme=dark&compose=examples/voting.compose.yml');
  });
  it('replaces an earlier compose/events choice', () => {
    expect(searchForExample('?compose=a.yml&compose=b.yml&events=x.jsonl', 'scaled-workers')).toBe('?compose=examples/scaled-workers.compose.yml');
  });
  it('removes compose for the built-in default', () => {
    expect(searchForExample('?compose=examples/voting.compose.yml', 'ecommerce')).toBe('');
    expect(searchForExample('?learn=0&compose=examples/voting.compose.yml', 'ecommerce')).toBe('?learn=0');
  });
  it('is null for an id that is not an example', () => {
    expect(searchForExample('?theme=dark', 'nope')).toBeNull();
  });
  it('writes only parameters the page accepts', () => {
    const search = searchForExample('?theme=dark', 'voting') ?? '';
    expect(scenarioFromUrl(search).error).toBeNull();
  });
});
