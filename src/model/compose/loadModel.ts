/**
 * Several compose files → one compose model, in compose-go's order
 * (`loader/loader.go` `loadYamlModel` / `loadYamlFile`), for each `-f` file in turn:
 * read the YAML (aliases and merge keys expanded, `readYaml`), interpolate it
 * (`interpolateTree`), import its `include:` files (`loader/include.go`), resolve its
 * services' `extends:` (`loader/extends.go`), merge it over the files before it
 * (`overrideMerge`), keep one entry per name in named sequences (`enforceUnicity`).
 *
 * Files named by `include:` and `extends: file:` are looked up among the files given,
 * relative to the file that names them (`../common/base.yml` from `app/compose.yml`
 * is `common/base.yml`); a file given by its name alone (a file picker has no folders)
 * matches by name. A reference to a file that was not given is not dropped: it is
 * reported in `unresolved` (and a warning), so the caller can show a placeholder.
 */
import type { Document, LineCounter } from 'yaml';
import { formatPath, type ComposeError, type DocPath } from './composeError';
import { describeValue } from './describe';
import { interpolateTree, unsetWarnings, type ValueVariables } from './interpolateTree';
import type { Environment } from './interpolation';
import { locate } from './locate';
import { enforceUnicity, mergeYaml } from './overrideMerge';
import { readYaml } from './readYaml';

/** One compose file: its name (a path, a URL or a bare file name) and its text. */
export interface ComposeSource {
  name: string;
  text: string;
}

/** A reference to a file that was not given. */
export interface UnresolvedReference {
  kind: 'include' | 'extends';
  /** The file that holds the reference. */
  from: string;
  /** The path as written. */
  path: string;
  /** For `extends`: the service that extends, and the service it names. */
  service?: string;
  base?: string;
}

/** A file that was read, kept to place errors (line, column) and to list variables. */
export interface ReadFile {
  name: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  variables: ValueVariables[];
}

export interface LoadModelOptions {
  env: Environment;
  unset: 'keep' | 'blank';
  maxBytes: number;
  /** Every file that references may name (the `-f` files are found here too). */
  available: readonly ComposeSource[];
}

export type LoadModelResult =
  | { ok: true; model: Record<string, unknown>; files: ReadFile[]; warnings: string[]; unresolved: UnresolvedReference[] }
  | { ok: false; error: ComposeError };

type Tree = Record<string, unknown>;

const isMapping = (value: unknown): value is Tree => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Thrown inside the loader, returned by `loadModel`. */
class LoadError extends Error {
  constructor(readonly error: ComposeError) {
    super(error.message);
  }
}

/** `a/b/../c.yml` → `a/c.yml`; keeps a URL's origin. */
function normalizePath(path: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path)?.[0] ?? '';
  const segments: string[] = [];
  for (const segment of path.slice(origin.length).split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments.at(-1) !== '..') segments.pop();
    else segments.push(segment);
  }
  const absolute = origin !== '' || /^[\\/]/.test(path);
  return `${origin}${absolute ? '/' : ''}${segments.join('/')}`;
}

function dirOf(name: string): string {
  const cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return cut === -1 ? '' : name.slice(0, cut + 1);
}

function baseOf(name: string): string {
  return name.split(/[?#]/)[0]!.split(/[\\/]/).filter(Boolean).at(-1) ?? name;
}

/** The given file `reference` names, written in `from`; `undefined` when it was not given. */
export function resolveReference(reference: string, from: string, available: readonly ComposeSource[]): ComposeSource | undefined {
  const wanted = normalizePath(/^([a-z][a-z0-9+.-]*:\/\/|[\\/])/i.test(reference) ? reference : `${dirOf(from)}${reference}`);
  const exact = available.find((source) => normalizePath(source.name) === wanted);
  if (exact) return exact;
  // A relative name matches a given file whose path ends with it (`app/base.yml` given
  // as `base.yml`, or `base.yml` given with a folder the reference did not know).
  const others = available.filter((source) => source.name !== from);
  const byEnd = others.filter((source) => {
    const name = normalizePath(source.name);
    return wanted.endsWith(`/${name}`) || name.endsWith(`/${wanted}`) || wanted === name;
  });
  if (byEnd.length === 1) return byEnd[0];
  const byName = others.filter((source) => baseOf(source.name) === baseOf(reference));
  return byName.length === 1 ? byName[0] : undefined;
}

interface Context {
  options: LoadModelOptions;
  files: ReadFile[];
  warnings: string[];
  unresolved: UnresolvedReference[];
  /** Raw (interpolated, not merged) files, for `extends: file:`. */
  raw: Map<string, Tree>;
  /** Variables met unset and without default, in order. */
  unset: Set<string>;
  /** `name: message` when the project has several files, else the message. */
  prefix(name: string, message: string): string;
}

function warn(ctx: Context, message: string): void {
  if (!ctx.warnings.includes(message)) ctx.warnings.push(message);
}

/** The error for `path` of `file`, placed at its line and column. */
function errorAt(file: ReadFile | undefined, message: string, path: DocPath, atKey = false): LoadError {
  const error: ComposeError = { message };
  if (path.length > 0) error.path = formatPath(path);
  if (file) {
    error.file = file.name;
    const position = locate(file.doc, file.lineCounter, path, { key: atKey });
    if (position) Object.assign(error, position);
  }
  return new LoadError(error);
}

/** Reads and interpolates one file (once per load). */
function readFile(ctx: Context, source: ComposeSource): { cfg: Tree; file: ReadFile } {
  const read = readYaml(source.text, ctx.options.maxBytes);
  if (!read.ok) throw new LoadError({ ...read.error, file: source.name });
  for (const warning of read.warnings) warn(ctx, ctx.prefix(source.name, warning));
  const { doc, lineCounter, data } = read;
  const file: ReadFile = { name: source.name, doc, lineCounter, variables: [] };
  if (data === null || data === undefined) {
    throw new LoadError({ message: 'Compose file is empty: expected a mapping with a top-level "services" key', file: source.name });
  }
  if (!isMapping(data)) {
    throw errorAt(file, `Top-level object must be a mapping, got ${describeValue(data)}`, []);
  }
  const interpolated = interpolateTree(data, { env: ctx.options.env, unset: ctx.options.unset });
  if (!interpolated.ok) throw errorAt(file, interpolated.error.message, interpolated.error.path);
  for (const name of interpolated.unset) ctx.unset.add(name);
  file.variables = interpolated.variables;
  ctx.files.push(file);
  return { cfg: interpolated.data as Tree, file };
}

/** `include:` entries as compose-go `loadIncludeConfig` reads them: a path or `{path: one or many}`. */
function includePaths(entry: unknown): string[] | undefined {
  if (typeof entry === 'string') return [entry];
  if (!isMapping(entry)) return undefined;
  const path = entry.path;
  if (typeof path === 'string') return [path];
  if (Array.isArray(path) && path.every((p) => typeof p === 'string')) return path as string[];
  return undefined;
}

const IMPORTED = ['services', 'volumes', 'networks', 'secrets', 'configs', 'models'] as const;

function applyInclude(ctx: Context, cfg: Tree, file: ReadFile, chain: readonly string[]): Tree {
  const include = cfg.include;
  if (include === undefined || include === null) return cfg;
  if (!Array.isArray(include)) throw errorAt(file, `\`include\` must be a list, got ${describeValue(include)}`, ['include']);
  let out: Tree = { ...cfg };
  delete out.include;
  include.forEach((entry, index) => {
    const paths = includePaths(entry);
    if (!paths) throw errorAt(file, 'include: expected a path or a mapping with "path"', ['include', index]);
    const sources: ComposeSource[] = [];
    for (const path of paths) {
      const source = resolveReference(path, file.name, ctx.options.available);
      if (!source) {
        ctx.unresolved.push({ kind: 'include', from: file.name, path });
        warn(ctx, ctx.prefix(file.name, `include ${path}: that file was not given, so its services are missing here (open it together with the file that includes it)`));
        continue;
      }
      if (chain.includes(source.name)) {
        throw errorAt(file, `include cycle detected:\n${[...chain, source.name].join('\n include ')}`, ['include', index]);
      }
      sources.push(source);
    }
    if (sources.length === 0) return;
    const imported = loadFiles(ctx, sources, [...chain]);
    out = importResources(imported, out);
  });
  return out;
}

/** compose-go `importResources`: included definitions, with local ones merged over them. */
function importResources(imported: Tree, target: Tree): Tree {
  const out: Tree = { ...target };
  for (const key of IMPORTED) {
    const from = imported[key];
    if (!isMapping(from)) continue;
    const local = isMapping(out[key]) ? (out[key] as Tree) : {};
    const merged: Tree = {};
    for (const [name, value] of Object.entries(from)) {
      merged[name] = name in local ? mergeYaml(value, local[name], [key, name]) : value;
    }
    for (const [name, value] of Object.entries(local)) if (!(name in merged)) merged[name] = value;
    out[key] = merged;
  }
  return out;
}

interface ServiceRef {
  file: string;
  service: string;
}

function applyExtends(ctx: Context, cfg: Tree, file: ReadFile): Tree {
  const services = cfg.services;
  if (!isMapping(services)) return cfg;
  const resolved: Tree = { ...services };
  for (const name of Object.keys(services)) {
    resolved[name] = extendService(ctx, name, resolved, file, []);
  }
  return { ...cfg, services: resolved };
}

/** compose-go `applyServiceExtends`, with its `Circular reference` check. */
function extendService(ctx: Context, name: string, services: Tree, file: ReadFile, chain: ServiceRef[]): unknown {
  const service = services[name];
  if (!isMapping(service) || !('extends' in service)) return service;
  const extendsValue = service.extends;
  let ref: string;
  let otherFile: string | undefined;
  if (typeof extendsValue === 'string') ref = extendsValue;
  else if (isMapping(extendsValue) && typeof extendsValue.service === 'string') {
    ref = extendsValue.service;
    if (typeof extendsValue.file === 'string') otherFile = extendsValue.file;
  } else {
    throw errorAt(file, `extends.${name}.service is required`, ['services', name, 'extends']);
  }
  const here: ServiceRef = { file: file.name, service: name };
  if (chain.some((c) => c.file === here.file && c.service === here.service)) {
    const lines = ['Circular reference:', `  ${chain[0]!.service} in ${chain[0]!.file}`, ...[...chain.slice(1), here].map((c) => `  extends ${c.service} in ${c.file}`)];
    throw errorAt(file, lines.join('\n'), ['services', name, 'extends']);
  }
  let baseServices = services;
  let baseFile = file;
  if (otherFile !== undefined) {
    const source = resolveReference(otherFile, file.name, ctx.options.available);
    if (!source) {
      ctx.unresolved.push({ kind: 'extends', from: file.name, path: otherFile, service: name, base: ref });
      warn(ctx, `services.${name}.extends: ${otherFile} was not given, so "${name}" lacks what it extends from "${ref}" there (open the files together)`);
      const { extends: _dropped, ...rest } = service;
      return { ...rest, 'x-unresolved-extends': `${ref} in ${otherFile}` };
    }
    let raw = ctx.raw.get(source.name);
    if (!raw) {
      const read = readFile(ctx, source);
      raw = read.cfg;
      ctx.raw.set(source.name, raw);
      baseFile = read.file;
    } else {
      baseFile = ctx.files.find((f) => f.name === source.name) ?? file;
    }
    if (!isMapping(raw.services)) {
      throw errorAt(file, `cannot extend service "${name}" in ${source.name}: no services section`, ['services', name, 'extends']);
    }
    baseServices = { ...raw.services };
    if (!(ref in baseServices)) {
      throw errorAt(file, `cannot extend service "${name}" in ${file.name}: service "${ref}" not found in ${otherFile}`, ['services', name, 'extends']);
    }
  } else if (!(ref in services)) {
    throw errorAt(file, `cannot extend service "${name}" in ${file.name}: service "${ref}" not found`, ['services', name, 'extends']);
  }
  const base = extendService(ctx, ref, baseServices, baseFile, [...chain, here]);
  if (!isMapping(base)) return service;
  let merged: unknown;
  try {
    merged = mergeYaml(base, service, ['services', name]);
  } catch (cause) {
    throw errorAt(file, cause instanceof Error ? cause.message : String(cause), ['services', name]);
  }
  const { extends: _done, ...rest } = merged as Tree;
  return rest;
}

/** compose-go `loadYamlModel` for `sources` in order; returns the merged model. */
function loadFiles(ctx: Context, sources: readonly ComposeSource[], chain: string[]): Tree {
  let model: Tree = {};
  for (const source of sources) {
    const { cfg, file } = readFile(ctx, source);
    const withIncludes = applyInclude(ctx, cfg, file, [...chain, source.name]);
    const extended = applyExtends(ctx, withIncludes, file);
    try {
      model = mergeYaml(model, extended, []) as Tree;
    } catch (cause) {
      throw new LoadError({ message: cause instanceof Error ? cause.message : String(cause), file: source.name });
    }
    model = enforceUnicity(model);
  }
  return model;
}

/**
 * Loads `sources` (Compose `-f` order: each file merged over the ones before it).
 *
 * @returns the merged model (plain data, before validation), every file read (the `-f`
 *   files, then included and extended ones) with its variables, warnings, and the
 *   references to files that were not given; or the first error, with its file, line
 *   and column. Never throws.
 */
export function loadModel(sources: readonly ComposeSource[], options: LoadModelOptions): LoadModelResult {
  const prefix = (name: string, message: string) => (ctx.files.length > 1 || sources.length > 1) && name ? `${name}: ${message}` : message;
  const ctx: Context = { options, files: [], warnings: [], unresolved: [], raw: new Map(), unset: new Set(), prefix };
  try {
    const model = loadFiles(ctx, sources, []);
    const warnings = [...unsetWarnings([...ctx.unset], options.unset), ...ctx.warnings];
    return { ok: true, model, files: ctx.files, warnings, unresolved: ctx.unresolved };
  } catch (cause) {
    if (cause instanceof LoadError) return { ok: false, error: cause.error };
    throw cause;
  }
}
