/**
 * Interpolates every string value of a loaded compose file (keys are left alone), as
 * compose-go `interpolation/interpolation.go` `Interpolate` does right after the YAML
 * is read and before files are merged (`loader/loader.go` `loadYamlFile`).
 *
 * One difference, on purpose: Compose replaces a variable that is unset and has no
 * default with a blank string (and warns). Here, by default (`unset: 'keep'`), a value
 * holding such a variable is kept as written, `${VAR}` included, with the same warning:
 * a viewer without the user's environment shows what is missing rather than inventing
 * `:-ad` for `${IMAGE}:${TAG}-ad`. `unset: 'blank'` does what Compose does.
 */
import { formatPath, type DocPath } from './composeError';
import { InterpolationError, substitute, type Environment, type VariableUse } from './interpolation';

export interface InterpolateTreeOptions {
  env: Environment;
  /** What a value with an unset variable without default becomes. Default `'keep'`. */
  unset?: 'keep' | 'blank';
}

/** The variables one value used, and where that value is. */
export interface ValueVariables {
  path: DocPath;
  uses: VariableUse[];
}

export type InterpolateTreeResult =
  | { ok: true; data: unknown; variables: ValueVariables[]; unset: string[] }
  | { ok: false; error: { message: string; path: DocPath } };

/**
 * @param data the file as read (plain data).
 * @returns a new tree (the input is not modified) with every value interpolated, the
 *   variables each value used, and the names of unset variables (see `unsetWarning`); or Compose's error for
 *   the first value it refuses (`invalid interpolation format for <path>…`,
 *   `error while interpolating <path>: required variable X is missing a value…`).
 */
export function interpolateTree(data: unknown, options: InterpolateTreeOptions): InterpolateTreeResult {
  const variables: ValueVariables[] = [];
  const unsetNames = new Set<string>();
  const keep = (options.unset ?? 'keep') === 'keep';
  const path: Array<string | number> = [];

  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!value.includes('$')) return value;
      const uses: VariableUse[] = [];
      const result = substitute(value, options.env, (use) => uses.push(use));
      if (uses.length === 0) return result;
      variables.push({ path: [...path], uses });
      const missing = uses.filter((use) => use.source === 'unset');
      for (const use of missing) unsetNames.add(use.name);
      return keep && missing.length > 0 ? value : result;
    }
    if (Array.isArray(value)) {
      return value.map((item, index) => {
        path.push(index);
        const out = walk(item);
        path.pop();
        return out;
      });
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        path.push(key);
        const converted = walk(item);
        path.pop();
        if (key === '__proto__') Object.defineProperty(out, key, { value: converted, enumerable: true, writable: true, configurable: true });
        else out[key] = converted;
      }
      return out;
    }
    return value;
  };

  let out: unknown;
  try {
    out = walk(data);
  } catch (cause) {
    if (!(cause instanceof InterpolationError)) throw cause;
    const at = formatPath(path);
    const message =
      cause.kind === 'invalid'
        ? `invalid interpolation format for ${at}: "${String(valueAt(data, path))}". You may need to escape any $ with another $.`
        : `error while interpolating ${at}: ${cause.message}`;
    return { ok: false, error: { message, path: [...path] } };
  }
  return { ok: true, data: out, variables, unset: [...unsetNames] };
}

/**
 * The warning for variables that are unset and have no default: Compose's own per
 * variable (`blank`), or one that names them all (`keep`).
 */
export function unsetWarnings(names: readonly string[], unset: 'keep' | 'blank'): string[] {
  if (names.length === 0) return [];
  if (unset === 'blank') return names.map((name) => `The "${name}" variable is not set. Defaulting to a blank string.`);
  // At most five names: the service panel lists every variable of a service.
  const shown = names.slice(0, 5).map((name) => `"${name}"`).join(', ');
  const list = names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
  return [
    names.length === 1
      ? `The ${list} variable is not set: Compose would use a blank string; values using it are shown as written (paste a .env to set it)`
      : `${names.length} variables are not set (${list}): Compose would use blank strings; values using them are shown as written (paste a .env to set them)`,
  ];
}

function valueAt(data: unknown, path: DocPath): unknown {
  let current = data;
  for (const key of path) current = (current as Record<string | number, unknown> | undefined)?.[key];
  return current;
}
