/** The loading pipeline: text → parseCompose → a session source, or an alert message. */
import { describe, expect, it } from 'vitest';
import {
  baseName,
  fileSizeError,
  formatComposeError,
  isComposeFileName,
  loadComposeText,
  looksLikeComposeText,
  MAX_COMPOSE_BYTES,
  profilesOf,
  resolveComposeUrl,
} from '../../../src/features/compose/loadCompose';
import { examples, fixture, fixtures, OTEL, VOTING } from './helpers';

describe('loadComposeText', () => {
  it.each([...fixtures(), ...examples()])('loads %s into a spec source', (name, text) => {
    const result = loadComposeText(text, { fileName: name });
    if (!result.ok) throw new Error(result.message);
    expect(result.source.kind).toBe('spec');
    expect(result.source.spec.services.length).toBeGreaterThan(0);
    expect(result.source.title).toContain(name);
  });

  it('loads the 20 services of the OpenTelemetry demo', () => {
    const result = loadComposeText(fixture(OTEL), { fileName: OTEL });
    expect(result.ok && result.source.spec.services).toHaveLength(20);
  });

  it('gives an error with "line N, column M" for invalid YAML, prefixed with the file name', () => {
    const result = loadComposeText('services:\n  web:\n    image: [nginx\n', { fileName: 'dir/bad.yml' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^bad\.yml: /);
    expect(result.message).toMatch(/line \d+, column \d+/);
  });

  it('points at the offending line of a schema error', () => {
    const result = loadComposeText('services:\n  web:\n    image: nginx\n    depends_on:\n      - db\n', { fileName: 'x.yml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/undefined service "db".*\(line 5, column \d+\)/);
  });

  it('passes the active profiles to the parser', () => {
    const off = loadComposeText(fixture(VOTING), { fileName: VOTING });
    const on = loadComposeText(fixture(VOTING), { fileName: VOTING, activeProfiles: ['seed'] });
    expect(off.ok && off.source.spec.activeProfiles).toEqual([]);
    expect(on.ok && on.source.spec.activeProfiles).toEqual(['seed']);
    expect(off.ok && off.profiles).toEqual(['seed']);
  });

  it('uses a given title', () => {
    const result = loadComposeText('services:\n  a:\n    image: x\n', { title: 'Mine' });
    expect(result.ok && result.source.title).toBe('Mine');
  });

  it('refuses text over the size limit without parsing it', () => {
    const result = loadComposeText(`services: {}\n#${'x'.repeat(MAX_COMPOSE_BYTES)}`);
    expect(result.ok).toBe(false);
  });
});

describe('helpers', () => {
  it('formats errors with and without a position', () => {
    expect(formatComposeError({ message: 'boom', line: 3, column: 7 }, 'a.yml')).toBe('a.yml: boom (line 3, column 7)');
    expect(formatComposeError({ message: 'boom' })).toBe('boom');
    // Found by a fresh-user trial: a YAML error said its position twice.
    const yamlError = { message: 'YAML syntax error at line 5, column 9: Missing closing "quote', line: 5, column: 9 };
    expect(formatComposeError(yamlError, 'a.yml')).toBe('a.yml: YAML syntax error at line 5, column 9: Missing closing "quote');
  });

  it('lists profiles in order of first appearance, once', () => {
    const result = loadComposeText(
      'services:\n  a:\n    image: x\n    profiles: [debug, tools]\n  b:\n    image: y\n    profiles: [tools, ops]\n  c:\n    image: z\n',
    );
    expect(result.ok && profilesOf(result.source.spec)).toEqual(['debug', 'tools', 'ops']);
  });

  it('checks the size before reading', () => {
    expect(fileSizeError('a.yml', 1000)).toBeNull();
    expect(fileSizeError('a.yml', MAX_COMPOSE_BYTES)).toBeNull();
    expect(fileSizeError('big.yml', 2_500_000)).toMatch(/big\.yml is 2\.5 MB: compose files over 1\.0 MB/);
  });

  it('resolves ?compose= values against the page, http(s) only', () => {
    expect(resolveComposeUrl('examples/voting.compose.yml', 'https://x.org/app/sub/')).toEqual({
      ok: true,
      url: 'https://x.org/app/sub/examples/voting.compose.yml',
    });
    expect(resolveComposeUrl('https://cdn.example/c.yml', 'https://x.org/')).toEqual({ ok: true, url: 'https://cdn.example/c.yml' });
    expect(resolveComposeUrl('javascript:alert(1)', 'https://x.org/').ok).toBe(false);
    expect(resolveComposeUrl('  ', 'https://x.org/').ok).toBe(false);
    expect(resolveComposeUrl('http://[bad', 'https://x.org/').ok).toBe(false);
  });

  it('names files and tells compose files from logs', () => {
    expect(baseName('https://x.org/a/compose.yaml?raw=1')).toBe('compose.yaml');
    expect(baseName('C:\\dir\\docker-compose.yml')).toBe('docker-compose.yml');
    expect(isComposeFileName('compose.yaml')).toBe(true);
    expect(isComposeFileName('events.log')).toBe(false);
    expect(looksLikeComposeText('# a comment\nservices:\n  a:\n')).toBe(true);
    expect(looksLikeComposeText('{"status":"start","id":"abc"}\n')).toBe(false);
  });
});
