/** Shared helpers for the compose feature tests: the public fixtures and our examples. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Real compose files from public repositories (test/fixtures/compose, see its SOURCES.md). */
const FIXTURES_DIR = resolve(__dirname, '../../fixtures/compose');
/** Our built-in examples. */
const EXAMPLES_DIR = resolve(__dirname, '../../../public/examples');

/** `[file name, text]` of every fixture. */
export function fixtures(): Array<[string, string]> {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => [f, readFileSync(resolve(FIXTURES_DIR, f), 'utf8')]);
}

/** `[file name, text]` of every built-in example. */
export function examples(): Array<[string, string]> {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => [f, readFileSync(resolve(EXAMPLES_DIR, f), 'utf8')]);
}

export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES_DIR, name), 'utf8');
}

export const OTEL = 'open-telemetry_opentelemetry-demo__compose.yml';
export const VOTING = 'dockersamples_example-voting-app__docker-compose.yml';
