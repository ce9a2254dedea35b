/**
 * How Compose merges one compose model into another: later `-f` files into earlier
 * ones, a service into the service it `extends`, included resources under local ones.
 * A port of compose-go `override/merge.go` (`MergeYaml` and its `mergeSpecials`) and
 * `override/uncity.go` (`EnforceUnicity`), which the Compose specification's merge
 * rules (compose-spec `13-merge.md`) describe:
 * - mappings merge key by key; scalars are replaced; sequences are appended;
 * - `command`, `entrypoint` and `healthcheck.test` are replaced, not appended;
 * - `environment`, `labels`, `env_file`, `dns`, `tmpfs`, `sysctls`, `build.args`… become
 *   sequences of `KEY=value` and are appended; `depends_on`, `networks` become mappings
 *   (a list `[db]` is `{db: {condition: service_started, required: true}}`) and merge;
 *   `build: ./dir` is `{context: ./dir}`; `logging` merges only for the same driver;
 * - afterwards, sequences that name things (ports, volumes by target, environment and
 *   labels by key, `expose`, `links`, `profiles`, secrets/configs by target…) keep one
 *   entry per name: the last definition, at the place of the first.
 *
 * Pure and non-mutating: inputs may share subtrees (YAML aliases), so every merge
 * builds new containers.
 */

type Tree = Record<string, unknown>;
type Path = readonly string[];
type Merger = (base: unknown, override: unknown, path: Path) => unknown;

const isMapping = (value: unknown): value is Tree => value !== null && typeof value === 'object' && !Array.isArray(value);

function setKey(target: Tree, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function copy(tree: Tree): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) setKey(out, key, value);
  return out;
}

/** compose-go `tree.Path.Matches`: `*` matches any one segment. */
function matches(path: Path, pattern: string): boolean {
  const parts = pattern.split('.');
  if (parts.length !== path.length) return false;
  return parts.every((part, i) => part === '*' || part === path[i]);
}

/** Go's `%v` of a scalar, as `convertIntoSequence` prints `KEY=value`. */
function goText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

function toSequence(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [value];
  if (isMapping(value)) {
    const seq: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item === null || item === undefined) seq.push(key);
      else if (Array.isArray(item)) for (const each of item) seq.push(`${key}=${goText(each)}`);
      else seq.push(`${key}=${goText(item)}`);
    }
    return seq.sort();
  }
  return [];
}

function toMapping(value: unknown, defaults: Tree | null): Tree {
  if (isMapping(value)) return value;
  const out: Tree = {};
  if (Array.isArray(value)) for (const item of value) setKey(out, String(item), defaults ? copy(defaults) : null);
  return out;
}

const mergeToSequence: Merger = (base, override) => [...toSequence(base), ...toSequence(override)];

const mergeExtraHosts: Merger = (base, override) => {
  const right = toSequence(base);
  return [...right, ...toSequence(override).filter((host) => !right.includes(host))];
};

const replace: Merger = (_base, override) => override;

const DEPENDENCY_DEFAULTS: Tree = { condition: 'service_started', required: true };

const mergeDependsOn: Merger = (base, override, path) =>
  mergeMappings(toMapping(base, DEPENDENCY_DEFAULTS), toMapping(override, DEPENDENCY_DEFAULTS), path);

const mergeAsMappings: Merger = (base, override, path) => mergeMappings(toMapping(base, null), toMapping(override, null), path);

const mergeBuild: Merger = (base, override, path) => {
  const toBuild = (value: unknown): Tree => (typeof value === 'string' ? { context: value } : isMapping(value) ? value : {});
  return mergeMappings(toBuild(base), toBuild(override), path);
};

const mergeLogging: Merger = (base, override, path) => {
  if (!isMapping(base) || !isMapping(override)) return override ?? base;
  const same = !('driver' in override) || !('driver' in base) || override.driver === base.driver;
  return same ? mergeMappings(base, override, path) : override;
};

/** compose-go `mergeSpecials` (override/merge.go `init`). */
const SPECIALS: ReadonlyArray<readonly [string, Merger]> = [
  ['networks.*.labels', mergeToSequence],
  ['volumes.*.labels', mergeToSequence],
  ['services.*.annotations', mergeToSequence],
  ['services.*.build', mergeBuild],
  ['services.*.build.args', mergeToSequence],
  ['services.*.build.additional_contexts', mergeToSequence],
  ['services.*.build.extra_hosts', mergeExtraHosts],
  ['services.*.build.labels', mergeToSequence],
  ['services.*.command', replace],
  ['services.*.depends_on', mergeDependsOn],
  ['services.*.deploy.labels', mergeToSequence],
  ['services.*.dns', mergeToSequence],
  ['services.*.dns_opt', mergeToSequence],
  ['services.*.dns_search', mergeToSequence],
  ['services.*.entrypoint', replace],
  ['services.*.env_file', mergeToSequence],
  ['services.*.label_file', mergeToSequence],
  ['services.*.environment', mergeToSequence],
  ['services.*.extra_hosts', mergeExtraHosts],
  ['services.*.healthcheck.test', replace],
  ['services.*.labels', mergeToSequence],
  ['services.*.volumes.*.volume.labels', mergeToSequence],
  ['services.*.logging', mergeLogging],
  ['services.*.models', mergeAsMappings],
  ['services.*.networks', mergeAsMappings],
  ['services.*.sysctls', mergeToSequence],
  ['services.*.tmpfs', mergeToSequence],
];

function mergeMappings(base: Tree, override: Tree, path: Path): Tree {
  const out = copy(base);
  for (const [key, value] of Object.entries(override)) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) setKey(out, key, value);
    else setKey(out, key, mergeYaml(out[key], value, [...path, key]));
  }
  return out;
}

/**
 * compose-go `MergeYaml`: `override` merged over `base` at `path`.
 *
 * @param path the keys down to the merged value (`['services', 'web']`); a service
 *   merged into the one it extends uses `['services', <any name>]`.
 * @throws Error `cannot override <path>` when a mapping meets a non-mapping or a
 *   sequence a non-sequence (Compose's error).
 */
export function mergeYaml(base: unknown, override: unknown, path: Path): unknown {
  for (const [pattern, merger] of SPECIALS) if (matches(path, pattern)) return merger(base, override, path);
  if (override === null || override === undefined) return base;
  if (isMapping(base)) {
    if (!isMapping(override)) throw new Error(`cannot override ${path.join('.')}`);
    return mergeMappings(base, override, path);
  }
  if (Array.isArray(base)) {
    if (!Array.isArray(override)) throw new Error(`cannot override ${path.join('.')}`);
    return [...base, ...override];
  }
  return override;
}

// ---- EnforceUnicity (override/uncity.go) ----

type Indexer = (entry: unknown) => string;

const keyValueIndexer: Indexer = (entry) => (typeof entry === 'string' ? entry.split('=')[0]! : goText(entry));

const volumeIndexer: Indexer = (entry) => {
  if (isMapping(entry)) return String(entry.target ?? '');
  if (typeof entry !== 'string') return '';
  const parts = entry.split(':');
  return parts.length === 1 ? parts[0]! : parts[1]!;
};

const deviceIndexer: Indexer = (entry) => {
  if (isMapping(entry)) return String(entry.target ?? '');
  if (typeof entry !== 'string') return '';
  const parts = entry.split(':');
  return parts.length === 1 ? parts[0]! : parts[1]!;
};

const exposeIndexer: Indexer = (entry) => String(entry);

const mountIndexer =
  (defaultPath: string): Indexer =>
  (entry) => {
    if (typeof entry === 'string') return `${defaultPath}/${entry}`;
    if (isMapping(entry)) return entry.target !== undefined ? String(entry.target) : `${defaultPath}/${String(entry.source)}`;
    return '';
  };

const portIndexer: Indexer = (entry) => {
  if (isMapping(entry)) {
    return `${String(entry.host_ip ?? '0.0.0.0')}:${String(entry.published ?? '')}:${String(entry.target)}/${String(entry.protocol ?? 'tcp')}`;
  }
  return String(entry);
};

const envFileIndexer: Indexer = (entry) => (isMapping(entry) ? String(entry.path ?? '') : String(entry));

/** compose-go `unique` (override/uncity.go `init`). */
const UNIQUE: ReadonlyArray<readonly [string, Indexer]> = [
  ['networks.*.labels', keyValueIndexer],
  ['networks.*.ipam.options', keyValueIndexer],
  ['services.*.annotations', keyValueIndexer],
  ['services.*.build.args', keyValueIndexer],
  ['services.*.build.additional_contexts', keyValueIndexer],
  ['services.*.build.platform', keyValueIndexer],
  ['services.*.build.tags', keyValueIndexer],
  ['services.*.build.labels', keyValueIndexer],
  ['services.*.cap_add', keyValueIndexer],
  ['services.*.cap_drop', keyValueIndexer],
  ['services.*.configs', mountIndexer('')],
  ['services.*.deploy.labels', keyValueIndexer],
  ['services.*.dns', keyValueIndexer],
  ['services.*.dns_opt', keyValueIndexer],
  ['services.*.dns_search', keyValueIndexer],
  ['services.*.environment', keyValueIndexer],
  ['services.*.env_file', envFileIndexer],
  ['services.*.expose', exposeIndexer],
  ['services.*.labels', keyValueIndexer],
  ['services.*.links', keyValueIndexer],
  ['services.*.networks.*.aliases', keyValueIndexer],
  ['services.*.networks.*.link_local_ips', keyValueIndexer],
  ['services.*.ports', portIndexer],
  ['services.*.profiles', keyValueIndexer],
  ['services.*.secrets', mountIndexer('/run/secrets')],
  ['services.*.sysctls', keyValueIndexer],
  ['services.*.tmpfs', keyValueIndexer],
  ['services.*.volumes', volumeIndexer],
  ['services.*.devices', deviceIndexer],
];

function unique(value: unknown, path: string[]): unknown {
  if (Array.isArray(value)) {
    const rule = UNIQUE.find(([pattern]) => matches(path, pattern));
    if (!rule) return value;
    const out: unknown[] = [];
    const seen = new Map<string, number>();
    for (const entry of value) {
      const key = rule[1](entry);
      const at = seen.get(key);
      if (at === undefined) {
        seen.set(key, out.length);
        out.push(entry);
      } else out[at] = entry;
    }
    return out;
  }
  if (isMapping(value)) {
    // Only the levels the rules reach: services.*.x(.y) and networks.*.x(.y).
    if (path.length >= 5) return value;
    let changed = false;
    const out: Tree = {};
    for (const [key, item] of Object.entries(value)) {
      const next = unique(item, [...path, key]);
      if (next !== item) changed = true;
      setKey(out, key, next);
    }
    return changed ? out : value;
  }
  return value;
}

/** compose-go `EnforceUnicity`: one entry per name in the sequences that name things. */
export function enforceUnicity(model: Tree): Tree {
  return unique(model, []) as Tree;
}
