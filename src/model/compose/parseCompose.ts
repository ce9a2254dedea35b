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
import { defaultIssueMessage, describeIssue } from './issues';
import { locate } from './locate';
import { normalizeService } from './normalizeService';
import { resolveProjectName } from './projectName';
import { DEFAULT_MAX_BYTES, readYaml } from './readYaml';
import { composeFileSchema, SERVICE_NAME } from './schema';

export type { ComposeError } from './composeError';
export { containerNames } from './containerNames';

export interface ParseComposeOptions {
  /**
   * The file's name (or URL), used for the project name when the file has no
   * top-level `name:` (see `projectNameFromFileName`). Default: none → `default`.
   */
  fileName?: string;
  /** Compose `--profile` values. Default `[]`: only services without profiles run. */
  activeProfiles?: string[];
  /** Size limit in UTF-8 bytes. Default 1 000 000. */
  maxBytes?: number;
}

export type ParseComposeResult =
  | { ok: true; spec: ArchitectureSpec; warnings: string[] }
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
    } else if (key === 'include') {
      warn('include: included compose files are not loaded here; only this file is shown');
    } else if (!TOP_LEVEL_KEYS.has(key)) {
      const expected = 'services, networks, volumes, secrets, configs, name or x-*';
      warn(`${key}: unknown top-level key, ignored (expected ${expected})`);
    }
  }
  const services = top.services as Record<string, unknown>;
  for (const [name, service] of Object.entries(services)) {
    if (service && typeof service === 'object' && 'extends' in service) {
      warn(`services.${name}.extends: not supported here; "${name}" is loaded without the configuration it extends`);
    }
  }
}

function parse(text: string, options: ParseComposeOptions): ParseComposeResult {
  if (typeof text !== 'string') {
    return { ok: false, error: { message: `Compose file must be text, got ${describeValue(text)}` } };
  }
  const read = readYaml(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!read.ok) return read;
  const { doc, lineCounter, data } = read;
  const warnings = [...read.warnings];
  const warn = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  const fail = (message: string, path?: DocPath, atKey = false): ParseComposeResult => {
    const error: ComposeError = { message };
    if (path && path.length > 0) error.path = formatPath(path);
    const position = path ? locate(doc, lineCounter, path, { key: atKey }) : undefined;
    if (position) Object.assign(error, position);
    return { ok: false, error };
  };

  if (data === null || data === undefined) {
    return fail('Compose file is empty: expected a mapping with a top-level "services" key');
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(`Top-level object must be a mapping, got ${describeValue(data)}`, []);
  }
  const top = data as Record<string, unknown>;
  if (!('services' in top)) {
    const message = 'services: missing; a compose file must define its services under a top-level "services" key';
    return fail(message, ['services']);
  }
  const rawServices = top.services;
  const isEmptyMapping =
    typeof rawServices === 'object' && !Array.isArray(rawServices) && Object.keys(rawServices ?? {}).length === 0;
  if (rawServices === null || isEmptyMapping) {
    return fail('services: must define at least one service', ['services'], true);
  }

  const parsed = composeFileSchema.safeParse(data, { error: defaultIssueMessage });
  if (!parsed.success) {
    const { path, message } = describeIssue(parsed.error.issues, data);
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

  const project = resolveProjectName(file.name, options.fileName, warn);
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
  try {
    return parse(text, options ?? {});
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { message: `Compose file could not be read: ${detail}` } };
  }
}
