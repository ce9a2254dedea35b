/**
 * The package as a user gets it (`npm run test:consumer`; browser-free, needs the npm
 * registry for xstate, typescript and vitest). `npm pack` (which builds the library)
 * makes the tarball; a fresh project in a temporary folder installs it the README's way
 * (`npm install container-lifecycle xstate`), gets a `tsc --init` tsconfig.json (TypeScript
 * 5.9: module/moduleResolution NodeNext, strict) and Vitest, and the README's ```ts blocks
 * plus `project/user.test.ts` as its tests. Then:
 * - the machine-only install holds the package and xstate, and no UI library;
 * - `tsc` reports nothing under NodeNext, Node16 and Bundler, with and without
 *   `skipLibCheck` (a test that fails if the types degrade: stripping the declarations'
 *   file extensions gives TS2578 unused `@ts-expect-error` and TS7006 implicit any) (`user.test.ts` has `@ts-expect-error`s and `expectTypeOf(...).not.toBeAny()`,
 *   which fail when the types are missing or `any`);
 * - the tests pass;
 * - the custom element (`container-lifecycle/element`) ships every chunk it imports,
 *   statically or with `import()`, at the relative path it asks for.
 * The tarball itself is checked by `@arethetypeswrong/cli` (profile in .attw.json: ESM only,
 * so `node10` and `node16 (from CJS)` are not judged) and `publint --strict`.
 * Set CONSUMER_KEEP=1 to keep the temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { README_PATH, readmeBlocks } from '../docs/readmeBlocks';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const repoPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
};
const work = mkdtempSync(join(tmpdir(), 'container-lifecycle-consumer-'));
const project = join(work, 'project');

interface Run {
  status: number;
  output: string;
}

function run(command: string, args: string[], cwd: string): Run {
  try {
    const output = execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

function ok(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.output}`);
  return result.output;
}

let tarball = '';
let machineOnlyPackages: string[] = [];
let machineOnlySize = '';

beforeAll(() => {
  // `npm pack` runs `prepack` (npm run build:lib) and prints the tarball's name last.
  const packed = ok('npm', ['pack', '--pack-destination', work, '--loglevel=error'], repo).trim().split('\n');
  tarball = join(work, packed[packed.length - 1]!);

  ok('mkdir', ['-p', project], work);
  ok('npm', ['init', '-y', '--loglevel=error'], project);
  // An ES module project, as the README says (npm init writes "type": "commonjs", where
  // tsc --init's verbatimModuleSyntax refuses import statements).
  ok('npm', ['pkg', 'set', 'type=module'], project);
  // What the README says, pinned to the versions the repo is tested with.
  ok('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, `xstate@${repoPackage.devDependencies.xstate}`], project);
  machineOnlyPackages = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
  machineOnlySize = ok('du', ['-sh', 'node_modules'], project).split('\t')[0]!;

  const dev = ['typescript', 'vitest'].map((name) => `${name}@${repoPackage.devDependencies[name]}`);
  ok('npm', ['install', '-D', '--no-audit', '--no-fund', '--loglevel=error', ...dev], project);
  ok('npx', ['tsc', '--init'], project);
  for (const block of readmeBlocks(readFileSync(README_PATH, 'utf8'))) {
    writeFileSync(join(project, `readme-${block.line}.test.ts`), block.code);
  }
  copyFileSync(fileURLToPath(new URL('project/user.test.ts', import.meta.url)), join(project, 'user.test.ts'));
}, 600_000);

afterAll(() => {
  if (process.env.CONSUMER_KEEP) console.log(`consumer project kept in ${project}`);
  else rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('has types for every entry under node16 (ESM) and bundler resolution: attw', () => {
    const result = run('npx', ['attw', tarball, '--format', 'table-flipped'], repo);
    expect(result.status, result.output).toBe(0); // attw exits 1 on any problem it does not ignore
  });

  it('is well-formed: publint --strict', () => {
    const result = run('npx', ['publint', 'run', tarball, '--strict'], repo);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/All good!/);
  });
});

describe(`a project that installs the packed package (${repoPackage.name}@${repoPackage.version})`, () => {
  it('installs the machines with xstate and nothing else', () => {
    console.log(`machine-only install: ${machineOnlyPackages.join(', ')}; node_modules ${machineOnlySize}`);
    expect(machineOnlyPackages.sort()).toEqual(['container-lifecycle', 'xstate']);
  });

  it('has a tsc --init tsconfig.json: NodeNext and strict', () => {
    const tsconfig = readFileSync(join(project, 'tsconfig.json'), 'utf8');
    expect(tsconfig).toMatch(/^\s*"module": "nodenext"/m);
    expect(tsconfig).toMatch(/^\s*"strict": true/m);
  });

  it.each([
    ['NodeNext', []],
    // skipLibCheck false checks every declaration file; xstate 5.33's own declarations fail
    // exactOptionalPropertyTypes (setup.d.ts, TS2344), so that one option is off there.
    ['NodeNext, skipLibCheck false', ['--skipLibCheck', 'false', '--exactOptionalPropertyTypes', 'false']],
    ['Node16', ['--module', 'node16', '--moduleResolution', 'node16']],
    ['Bundler', ['--module', 'preserve', '--moduleResolution', 'bundler']],
    ['Bundler, skipLibCheck false', ['--module', 'preserve', '--moduleResolution', 'bundler', '--skipLibCheck', 'false', '--exactOptionalPropertyTypes', 'false']],
  ])('type-checks with no error under %s', (_, flags) => {
    const result = run('npx', ['tsc', '--noEmit', '-p', '.', ...flags], project);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it("passes the README's examples and the user's tests", () => {
    const result = run('npx', ['vitest', 'run', '--reporter=dot'], project);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/Test Files\s+\d+ passed/);
  });

  it('has the custom element with every chunk it loads, beside it', () => {
    const packageDir = join(project, 'node_modules', repoPackage.name);
    const exported = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports: Record<string, { default: string }> }).exports['./element']!.default;
    const entry = join(packageDir, exported);
    // `from"./x.js"`, `import"./x.js"` and `import("./x.js")` (any quote) in the minified output.
    const relativeImport = /(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
    const seen = new Set<string>();
    const missing: string[] = [];
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (!existsSync(file)) {
        missing.push(relative(packageDir, file));
        continue;
      }
      for (const m of readFileSync(file, 'utf8').matchAll(relativeImport)) queue.push(join(dirname(file), m[1]!));
    }
    expect(missing).toEqual([]);
    // The element's chunks are there (a one-file build would pass the loop above trivially).
    expect(seen.size).toBeGreaterThan(5);
  });
});
