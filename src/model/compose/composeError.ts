/**
 * The error shape every compose-loading step returns. Plain data, safe to show in a
 * `role="alert"` element as is.
 */
export interface ComposeError {
  /** One sentence, in Compose's words where Compose has words for it. */
  message: string;
  /** 1-based line of the offending YAML node, when it can be found. */
  line?: number;
  /** 1-based column of the offending YAML node, when it can be found. */
  column?: number;
  /** Where in the file, e.g. `services.web.depends_on[0]`. */
  path?: string;
  /** Which file, when a project has several (`-f`, `include:`, `extends: file:`). */
  file?: string;
}

/** A path into the loaded document: mapping keys and list indexes. */
export type DocPath = ReadonlyArray<string | number>;

/**
 * Formats a document path the way Compose prints it: keys joined with `.`, list
 * indexes in brackets (`services.web.depends_on[0]`).
 */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
