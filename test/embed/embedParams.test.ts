/** embed.html URL parameters / <container-lifecycle> attributes: zod validation, friendly problems, defaults. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, EMBED_PARAM_NAMES, embedParamsOf, parseAllowOrigins, parseEmbedParams } from '../../src/embed/embedParams';

const BASE = 'https://slides.example/deck/embed.html';
const parse = (query: string) => parseEmbedParams(query, { baseUrl: BASE });

describe('parseEmbedParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(parse('')).toEqual({ options: DEFAULT_EMBED_OPTIONS, problems: [] });
  });

  it('reads every parameter', () => {
    const { options, problems } = parse(
      '?scenario=ecommerce&compose=examples/voting.compose.yml&events=logs/e.jsonl&theme=dark&controls=full&select=redis&story=typical-flow&step=3&speed=5&readonly=1&fit=1&learn=0&persist=1&reset-on-enter=1&lang=en-GB&allow-origins=https://a.example,http://localhost:8080',
    );
    expect(problems).toEqual([]);
    expect(options).toEqual({
      scenario: 'ecommerce',
      compose: 'https://slides.example/deck/examples/voting.compose.yml',
      events: 'https://slides.example/deck/logs/e.jsonl',
      theme: 'dark',
      controls: 'full',
      select: 'redis',
      story: { kind: 'builtin', id: 'typical-flow' },
      step: 3,
      speed: 5,
      readonly: true,
      fit: true,
      learn: false,
      persist: true,
      resetOnEnter: true,
      lang: 'en',
      allowOrigins: ['https://a.example', 'http://localhost:8080'],
    });
  });

  it('accepts a story URL (relative to the page) and boolean spellings', () => {
    const { options, problems } = parse('?story=stories/mine.yaml&readonly&fit=false&theme=system');
    expect(problems).toEqual([]);
    expect(options.story).toEqual({ kind: 'url', url: 'https://slides.example/deck/stories/mine.yaml' });
    expect(options.readonly).toBe(true);
    expect(options.fit).toBe(false);
    expect(options.theme).toBe('auto');
  });

  it.each([
    ['theme=purple', 'theme="purple" is not valid (expected light, dark or auto); using the default (auto).', { theme: 'auto' }],
    ['controls=all', 'controls="all" is not valid (expected full, compact or none); using the default (compact).', { controls: 'compact' }],
    ['scenario=nope', 'scenario="nope" is not a built-in scenario (built-in: ecommerce); showing the default scenario (ecommerce).', { scenario: 'ecommerce' }],
    ['speed=fast', 'speed="fast" is not valid (expected a number); using the default (1).', { speed: 1 }],
    ['speed=500', 'speed="500" is not valid (must be at most 100); using the default (1).', { speed: 1 }],
    ['story=typo-flow', 'story="typo-flow" is not a built-in story', { story: null }],
    ['compose=javascript:alert(1)', 'compose="javascript:alert(1)" is not an http(s) URL; showing the scenario instead.', { compose: null }],
    ['select=<b>', 'select="<b>" is not a container name; ignored.', { select: null }],
    ['readonly=maybe', 'readonly="maybe" is not valid (expected 1 or 0); using the default (0).', { readonly: false }],
    ['story=crash-loop&step=-1', 'step="-1" is not valid (must be 0 or more); ignored.', { step: null }],
    ['story=crash-loop&step=2.5', 'step="2.5" is not valid (expected a whole number); ignored.', { step: null }],
  ])('%s → a friendly problem and the default', (query, problem, expected) => {
    const { options, problems } = parse(query);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
    expect(options).toMatchObject(expected);
  });

  it('reports unknown parameters once, with the known names', () => {
    const { problems } = parse('?foo=1&bar=2&theme=dark');
    expect(problems).toEqual([`Unknown parameters "foo", "bar" ignored (known: ${EMBED_PARAM_NAMES.join(', ')}).`]);
  });

  it('does not report unknown names for element attributes', () => {
    expect(parseEmbedParams({ class: 'x', theme: 'dark' }, { baseUrl: BASE, reportUnknown: false }).problems).toEqual([]);
  });

  it('only English exists: another lang is a friendly message, English is kept', () => {
    const { options, problems } = parse('?lang=fr');
    expect(options.lang).toBe('en');
    expect(problems).toEqual(['This embed is available in English only (lang="fr"); showing English.']);
  });

  it('step needs a story', () => {
    const { options, problems } = parse('?step=2');
    expect(options.step).toBeNull();
    expect(problems).toEqual(['step needs a story (story=<id or URL>); ignored.']);
  });

  it('takes the first of repeated parameters', () => {
    expect(parse('?theme=dark&theme=light').options.theme).toBe('dark');
  });

  it('reads attributes (null = absent)', () => {
    const { options } = parseEmbedParams({ theme: 'light', story: null, 'allow-origins': 'https://x.example/' }, { baseUrl: BASE });
    expect(options.theme).toBe('light');
    expect(options.story).toBeNull();
    expect(options.allowOrigins).toEqual(['https://x.example']);
  });

  it('round-trips through embedParamsOf', () => {
    const query = 'theme=dark&controls=none&select=redis&story=crash-loop&step=2&speed=5&readonly=1&fit=1&allow-origins=https%3A%2F%2Fa.example';
    const { options } = parse(`?${query}`);
    expect(embedParamsOf(options).toString()).toBe(query);
    expect(parse(`?${embedParamsOf(options)}`).options).toEqual(options);
  });
});

describe('parseAllowOrigins', () => {
  it('keeps valid origins, refuses paths, "*" and other schemes', () => {
    const { origins, problems } = parseAllowOrigins(' https://a.example , https://a.example, *, https://b.example/path, ftp://c.example, nonsense, ');
    expect(origins).toEqual(['https://a.example']);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('does not accept "*"');
    expect(problems[1]).toContain('"https://b.example/path" is not an origin');
  });
});
