/**
 * Compose project names (docker/docs `compose/how-tos/project-name.md`; compose-go
 * `loader.NormalizeProjectName`): lower case, only `[a-z0-9_-]`, starting with a
 * letter or digit.
 */
import { hasInterpolation, interpolationDefault } from './interpolation';

/** Used when nothing usable is left of the file name. */
const DEFAULT_PROJECT_NAME = 'default';

/**
 * Compose's normalisation: lower-case, drop characters outside `[a-z0-9_-]`, then drop
 * leading `_` and `-` (compose-go `NormalizeProjectName`).
 *
 * @returns the normalised name; may be empty.
 */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

/** True when `name` is already a valid project name (`^[a-z0-9][a-z0-9_-]*$`). */
export function isValidProjectName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_-]*$/.test(name);
}

/**
 * The project name for a file loaded without a top-level `name:`.
 *
 * Compose uses the name of the directory holding the file; we only have the file
 * name, so we use the file name without its directory, query, `.yml`/`.yaml`
 * extension and any `compose` / `docker-compose` prefix or suffix, then normalise it:
 * `voting.compose.yml` → `voting`, `docker-compose.prod.yml` → `prod`,
 * `My Shop.yaml` → `myshop`. When that leaves nothing (`compose.yaml`,
 * `docker-compose.yml`), the directory in `fileName` is used as Compose would
 * (`shop/compose.yaml` → `shop`, also for URLs); with no directory either (or no
 * file name at all), `default`.
 */
export function projectNameFromFileName(fileName: string | undefined): string {
  if (!fileName) return DEFAULT_PROJECT_NAME;
  const withoutOrigin = (fileName.split(/[?#]/)[0] ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const segments = withoutOrigin.split(/[\\/]/).filter((s) => s !== '');
  let base = segments.pop() ?? '';
  base = base.replace(/\.ya?ml$/i, '');
  base = base.replace(/^(docker-)?compose(?=$|[._-])[._-]*/i, '');
  base = base.replace(/(^|[._-]+)(docker-)?compose$/i, '');
  const fromFile = normalizeProjectName(base);
  if (fromFile) return fromFile;
  // `compose.yaml` itself says nothing: use its directory, as Compose does.
  const directory = segments.pop();
  const fromDirectory = directory && !/^[a-z]:$/i.test(directory) ? normalizeProjectName(directory) : '';
  return fromDirectory || DEFAULT_PROJECT_NAME;
}

const PROJECT_NAME_RULE =
  'must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number';

/**
 * The project name of a parsed file: top-level `name:` when it is usable, else
 * `projectNameFromFileName(fileName)`.
 *
 * - An invalid `name:` is normalised (`My Shop` → `myshop`) as Compose does: compose-go
 *   `loader.projectName` interpolates and normalises the files' `name:` silently, and
 *   refuses an invalid name only when it comes from `-p` or `COMPOSE_PROJECT_NAME`. We
 *   still warn, with the rule, since every container name carries the project.
 * - `name: ${VAR:-default}` uses the default, with a warning (variables are not
 *   resolved here); without a default, the file name.
 *
 * @returns a valid project name; never empty.
 */
export function resolveProjectName(
  name: string | number | null | undefined,
  fileName: string | undefined,
  warn: (message: string) => void,
): string {
  const fromFile = () => projectNameFromFileName(fileName);
  if (name === null || name === undefined || name === '') return fromFile();
  const written = String(name);
  if (hasInterpolation(written)) {
    const fallback = normalizeProjectName(interpolationDefault(written) ?? '');
    const used = fallback || fromFile();
    warn(`name: "${written}" uses a variable, which is not resolved here; using "${used}"`);
    return used;
  }
  const normalized = normalizeProjectName(written);
  if (normalized === written) return written;
  const used = normalized || fromFile();
  warn(`name: "${written}" is not a valid project name (it ${PROJECT_NAME_RULE}); Compose normalises it to "${used}"`);
  return used;
}
