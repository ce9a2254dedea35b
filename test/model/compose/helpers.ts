/** Shared helpers for the compose parser tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArchitectureSpec, ServiceSpec } from '../../../machines/architecture/spec';
import {
  parseCompose,
  type ComposeError,
  type ParseComposeOptions,
  type ParseComposeResult,
} from '../../../src/model/compose/parseCompose';

/** Real compose files from public repositories (test/fixtures/compose, see its SOURCES.md). */
const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/compose/', import.meta.url));
/** Our own built-in examples. */
const EXAMPLES_DIR = fileURLToPath(new URL('../../../public/examples/', import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(`${FIXTURES_DIR}${name}`, 'utf8');
}

export function readExample(name: string): string {
  return readFileSync(`${EXAMPLES_DIR}${name}`, 'utf8');
}

/** Parses and fails the test with the parser's message when the file is rejected. */
export function parseOk(text: string, options?: ParseComposeOptions): Extract<ParseComposeResult, { ok: true }> {
  const result = parseCompose(text, options);
  if (!result.ok) throw new Error(`expected the file to load, got: ${result.error.message}`);
  return result;
}

/** Parses and fails the test when the file is accepted. */
export function parseError(text: string, options?: ParseComposeOptions): ComposeError {
  const result = parseCompose(text, options);
  if (result.ok) throw new Error('expected the file to be rejected, but it loaded');
  return result.error;
}

export function serviceOf(spec: ArchitectureSpec, name: string): ServiceSpec {
  const service = spec.services.find((s) => s.name === name);
  if (!service) throw new Error(`no service "${name}" in ${spec.services.map((s) => s.name).join(', ')}`);
  return service;
}

/** `service -> dependency` edges as `a>b:condition` strings, for compact assertions. */
export function edges(spec: ArchitectureSpec): string[] {
  return spec.services.flatMap((s) => s.dependsOn.map((d) => `${s.name}>${d.service}:${d.condition}`));
}
