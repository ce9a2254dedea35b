/**
 * The loading pipeline, pure: compose text → `parseCompose` → a session source to load,
 * or the message for a `role="alert"` (then nothing is loaded and the architecture on
 * screen stays as it was). The checks made before reading (file size, URL) live in
 * `composeInput.ts` and are re-exported here. The page loads this module (it brings the
 * YAML parser and the compose schema) with the first compose file.
 */
import type { ArchitectureSpec } from '../../../machines';
import { parseDotenv } from '../../model/compose/dotenv';
import { orderComposeFiles } from '../../model/compose/fileOrder';
import {
  parseComposeFiles,
  type ComposeError,
  type ComposeSource,
  type UnresolvedReference,
  type VariableUse,
} from '../../model/compose/parseCompose';
import { baseName, MAX_COMPOSE_BYTES } from './composeInput';

export type { ComposeSource, UnresolvedReference, VariableUse } from '../../model/compose/parseCompose';

export { baseName, fileSizeError,  isComposeFileName, looksLikeComposeText, MAX_COMPOSE_BYTES, resolveComposeUrl } from './composeInput';

/** A parsed file, ready for `store.load`. */
interface LoadedCompose {
  ok: true;
  source: { kind: 'spec'; spec: ArchitectureSpec; title: string };
  /** Non-fatal findings of the parser. */
  warnings: string[];
  /** Every profile named in the file, in order of first appearance. */
  profiles: string[];
  /** The `-f` files in the order they were merged, and the files they reference. */
  files: ComposeSource[];
  related: ComposeSource[];
  /** Per service, the variables its values use. */
  variables: Record<string, VariableUse[]>;
  /** References to files that were not given. */
  unresolved: UnresolvedReference[];
}

export type ComposeLoadResult = LoadedCompose | { ok: false; message: string };

export interface LoadComposeOptions {
  /** File name or URL: names the project when the file has no `name:`, and prefixes errors. */
  fileName?: string;
  /** Compose `--profile` values. */
  activeProfiles?: readonly string[];
  /** Title shown for the loaded architecture. Default: the file name and project. */
  title?: string;
  /** `.env` text: variables for interpolation. */
  envText?: string;
  /**
   * Files opened together in no particular order (picker, drop): sorted into `-f` files
   * and referenced ones by `orderComposeFiles`. Default false: the order given is `-f`.
   */
  sortFiles?: boolean;
  /** Files that `include:` / `extends: file:` may name, besides the `-f` files. */
  related?: readonly ComposeSource[];
}

/**
 * `voting.compose.yml: services.web.image: … (line 3, column 12)`; an error's own `file` wins.
 * The position is added only when the message does not already say it (YAML errors do).
 */
export function formatComposeError(error: ComposeError, fileName?: string): string {
  const at = error.line !== undefined ? `line ${error.line}, column ${error.column ?? 1}` : '';
  const where = at && !error.message.includes(at) ? ` (${at})` : '';
  const file = error.file ? baseName(error.file) : fileName;
  return `${file ? `${file}: ` : ''}${error.message}${where}`;
}

/** The profiles named by any service of `spec`, in order of first appearance. */
export function profilesOf(spec: ArchitectureSpec): string[] {
  const seen: string[] = [];
  for (const service of spec.services) for (const p of service.profiles) if (!seen.includes(p)) seen.push(p);
  return seen;
}

/** Parses `text`; never throws. */
export function loadComposeText(text: string, options: LoadComposeOptions = {}): ComposeLoadResult {
  return loadComposeFiles([{ name: options.fileName ?? '', text }], options);
}

/** `a.yml + b.yml`. */
function filesTitle(files: readonly ComposeSource[]): string {
  return files.map((file) => baseName(file.name)).join(' + ');
}

/** Parses a project of one or more files (Compose `-f` order); never throws. */
export function loadComposeFiles(sources: readonly ComposeSource[], options: LoadComposeOptions = {}): ComposeLoadResult {
  let env: Map<string, string> | undefined;
  if (options.envText !== undefined && options.envText.trim() !== '') {
    const parsed = parseDotenv(options.envText);
    if (!parsed.ok) return { ok: false, message: `.env: ${parsed.error.message}` };
    env = parsed.env;
  }
  const ordered = options.sortFiles ? orderComposeFiles(sources) : { files: [...sources], related: [] };
  const related = [...ordered.related, ...(options.related ?? [])];
  const { files } = ordered;
  const first = files[0]?.name;
  const fileName = options.fileName ?? (first ? first : undefined);
  const parsed = parseComposeFiles(files, {
    ...(fileName !== undefined ? { fileName } : {}),
    activeProfiles: [...(options.activeProfiles ?? [])],
    maxBytes: MAX_COMPOSE_BYTES,
    ...(env ? { env } : {}),
    related,
  });
  const shown = files.some((f) => f.name) ? filesTitle(files.filter((f) => f.name)) : undefined;
  if (!parsed.ok) return { ok: false, message: formatComposeError(parsed.error, files.length === 1 ? shown : undefined) };
  const { spec, warnings } = parsed;
  const title = options.title ?? (shown ? `${shown} (project ${spec.project})` : `Compose project ${spec.project}`);
  return {
    ok: true,
    source: { kind: 'spec', spec, title },
    warnings,
    profiles: profilesOf(spec),
    files,
    related,
    variables: parsed.variables,
    unresolved: parsed.unresolved,
  };
}
