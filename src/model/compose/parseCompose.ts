/**
 * Compose file → `ArchitectureSpec`. Pure: no React, no DOM, no fetch.
 *
 * Steps, one module each: `readYaml` (limits, YAML 1.2 + merge keys), `schema` (zod,
 * the parts of compose-spec `05-services.md` we use), `normalizeService` (Compose's
 * defaults, compose-go `loader/normalize.go`), `checks` (compose-go
 * `checkConsistency` and `graph/cycle.go`), `locate` (line/column of a path).
 */
import type { ArchitectureSpec } from '../../../machines/architecture/spec';
import { markOneShotServices } from './oneShot';
import { checkProject } from './checks';
import { formatPath, type ComposeError, type DocPath } from './composeError';
import { describeValue } from './describe';
import type { Environment, VariableUse } from './interpolation';
import { defaultIssueMessage, describeIssue } from './issues';
import { loadModel, type ComposeSource, type ReadFile, type UnresolvedReference } from './loadModel';
import { locate, writtenDepth } from './locate';
import { normalizeService } from './normalizeService';
import { resolveProjectName } from './projectName';
import { DEFAULT_MAX_BYTES } from './readYaml';
import { composeFileSchema, SERVICE_NAME } from './schema';
import { placeholderServices } from './unresolved';

export type { ComposeError } from './composeError';
export type { ComposeSource, UnresolvedReference } from './loadModel';
export type { VariableUse } from './interpolation';
export { containerNames } from './containerNames';

export interface ParseComposeOptions {
  /**
   * The file's name (or URL), used for the project name when the file has no
   * top-level `name:` (see `projectNameFromFileName`). Default: none → `default`.
   */
  fileName?: string;
  /** Compose `--profile` values. Default `[]`: only services without profiles run. */
  activeProfiles?: string[];
  /** Size limit of each file in UTF-8 bytes. Default 1 000 000. */
  maxBytes?: number;
  /** Variables for interpolation (a `.env` file, a pasted environment). Default: none, so defaults apply. */
  env?: Environment;
  /**
   * A value using a variable that is unset and has no default: `'keep'` it as written
   * (default; a warning names the variable), or `'blank'` it as Compose does.
   */
  unsetVariables?: 'keep' | 'blank';
  /** More files that `include:` and `extends: file:` may name (not loaded unless named). */
  related?: readonly ComposeSource[];
}

export type ParseComposeResult =
  | {
      ok: true;
      spec: ArchitectureSpec;
      warnings: string[];
      /** Per service, the variables its values use (first use of each name). */
      variables: Record<string, VariableUse[]>;
      /** References to files that were not given (drawn as placeholders when services are missing). */
      unresolved: UnresolvedReference[];
    }
  | { ok: false; error: ComposeError };

/** Top-level keys of compose-spec; anything else but `x-*` gets a warning. */
const TOP_LEVEL_KEYS = new Set([
  'version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models',
]);

type Warn = (message: string) => void;

function topLevelWarnings(top: Record<string, unknown>, warn: Warn): void {
  for (const key of Object.keys(top)) {
    if (key.startsWith('x-')) continue;
    if (key === 'version') {
      // docker/compose's own warning.
      warn(
        'version: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion',
      );
    } else if (!TOP_LEVEL_KEYS.has(key)) {
      const expected = 'services, networks, volumes, secrets, configs, name or x-*';
      warn(`${key}: unknown top-level key, ignored (expected ${expected})`);
    }
  }
}

/** The variables each service uses, from the values under `services.<name>` of every file. */
function variablesByService(files: readonly ReadFile[]): Record<string, VariableUse[]> {
  const out: Record<string, VariableUse[]> = {};
  for (const file of files) {
    for (const { path, uses } of file.variables) {
      if (path[0] !== 'services' || typeof path[1] !== 'string') continue;
      const list = Object.hasOwn(out, path[1]) ? out[path[1]]! : (out[path[1]] = []);
      for (const use of uses) if (!list.some((u) => u.name === use.name)) list.push(use);
    }
  }
  return out;
}

function parse(sources: readonly ComposeSource[], options: ParseComposeOptions): ParseComposeResult {
  for (const source of sources) {
    if (typeof source.text !== 'string') {
      return { ok: false, error: { message: `Compose file must be text, got ${describeValue(source.text)}` } };
    }
  }
  const loaded = loadModel(sources, {
    env: options.env ?? new Map(),
    unset: options.unsetVariables ?? 'keep',
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    available: [...sources, ...(options.related ?? [])],
  });
  if (!loaded.ok) {
    // One file: errors need not name it (the caller prefixes its name).
    if (sources.length === 1 && loaded.error.file === sources[0]!.name) delete loaded.error.file;
    return loaded;
  }
  const { files, unresolved } = loaded;
  const several = files.length > 1;
  const warnings = [...loaded.warnings];
  const warn = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  /** The error for `path`, placed in the (last) file that writes most of it. */
  const fail = (message: string, path?: DocPath, atKey = false): ParseComposeResult => {
    const error: ComposeError = { message };
    if (path && path.length > 0) error.path = formatPath(path);
    if (path) {
      let best: ReadFile | undefined;
      let bestDepth = -1;
      for (const file of files) {
        const depth = writtenDepth(file.doc, path);
        if (depth >= bestDepth) {
          best = file;
          bestDepth = depth;
        }
      }
      if (best) {
        const position = locate(best.doc, best.lineCounter, path, { key: atKey });
        if (position) Object.assign(error, position);
        if (several) error.file = best.name;
      }
    }
    return { ok: false, error };
  };

  const top = loaded.model;
  if (!('services' in top)) {
    const message = 'services: missing; a compose file must define its services under a top-level "services" key';
    return fail(message, ['services']);
  }
  placeholderServices(top, unresolved, warn);
  const rawServices = top.services;
  const isEmptyMapping =
    typeof rawServices === 'object' && !Array.isArray(rawServices) && Object.keys(rawServices ?? {}).length === 0;
  if (rawServices === null || isEmptyMapping) {
    return fail('services: must define at least one service', ['services'], true);
  }

  const parsed = composeFileSchema.safeParse(top, { error: defaultIssueMessage });
  if (!parsed.success) {
    const { path, message } = describeIssue(parsed.error.issues, top);
    return fail(`${formatPath(path)}: ${message}`, path);
  }
  const file = parsed.data;
  topLevelWarnings(top, warn);

  // Names as read (zod's record leaves out `__proto__`, which JS objects cannot hold).
  for (const name of Object.keys(top.services as object)) {
    const why = !SERVICE_NAME.test(name)
      ? 'only letters, digits, ".", "_" and "-" are allowed'
      : name === '__proto__'
        ? 'this name is reserved here'
        : undefined;
    if (why) return fail(`services: invalid service name "${name}": ${why}`, ['services', name], true);
  }

  const project = resolveProjectName(file.name, options.fileName ?? sources[0]?.name, warn);
  const activeProfiles = [...(options.activeProfiles ?? [])];
  const services = Object.entries(file.services).map(([name, raw]) => ({
    ...normalizeService(name, raw, project, warn),
    raw,
  }));
  const declaredNetworks = Object.keys(file.networks ?? {});
  const problem = checkProject({ services, networks: declaredNetworks, activeProfiles }, warn);
  if (problem) return fail(problem.message, problem.path, problem.atKey);

  const defined = new Set(services.map(({ spec }) => spec.name));
  const specs = markOneShotServices(
    services.map(({ spec }) => ({
      ...spec,
      dependsOn: spec.dependsOn.filter((dependency) => defined.has(dependency.service)),
    })),
  );
  const networks = [...declaredNetworks];
  if (!networks.includes('default') && specs.some((s) => s.networks.includes('default'))) networks.push('default');
  return {
    ok: true,
    spec: { project, services: specs, networks, volumes: Object.keys(file.volumes ?? {}), activeProfiles },
    warnings,
    variables: variablesByService(files),
    unresolved,
  };
}

/**
 * Parses a Compose file into an `ArchitectureSpec`.
 *
 * @param text the file's YAML text (compose-spec; `version:` is ignored).
 * @param options `fileName` for the project name, `activeProfiles` (Compose
 *   `--profile`), `maxBytes` (default 1 000 000).
 * @returns `{ ok: true, spec, warnings }`: one `ServiceSpec` per service in file order
 *   (all of them, whatever their profiles: use `isServiceActive` to filter), with
 *   healthcheck durations in milliseconds and `${VAR}` kept as written; `warnings` are
 *   non-fatal findings. Or `{ ok: false, error }`: one error with its message, and the
 *   `path`, `line` and `column` when there is a place to point at. Never throws.
 */
export function parseCompose(text: string, options: ParseComposeOptions = {}): ParseComposeResult {
  return parseComposeFiles([{ name: options?.fileName ?? '', text }], options);
}

/**
 * Parses a project of several compose files, as `docker compose -f a.yml -f b.yml`:
 * each file is merged over the ones before it with Compose's merge rules; `include:`
 * and `extends:` are resolved among `files` and `options.related`.
 *
 * @param files the `-f` files, in order (at least one).
 * @returns as `parseCompose`; an error names its `file` when there are several.
 */
export function parseComposeFiles(files: readonly ComposeSource[], options: ParseComposeOptions = {}): ParseComposeResult {
  try {
    if (files.length === 0) return { ok: false, error: { message: 'No compose file was given' } };
    return parse(files, options ?? {});
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { message: `Compose file could not be read: ${detail}` } };
  }
}
