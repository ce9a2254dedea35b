/**
 * The loading pipeline, pure: compose text → `parseCompose` → a session source to load,
 * or the message for a `role="alert"` (then nothing is loaded and the architecture on
 * screen stays as it was). The checks made before reading (file size, URL) live in
 * `composeInput.ts` and are re-exported here. The page loads this module (it brings the
 * YAML parser and the compose schema) with the first compose file.
 */
import type { ArchitectureSpec } from '../../../machines';
import { parseCompose, type ComposeError } from '../../model/compose/parseCompose';
import { baseName, MAX_COMPOSE_BYTES } from './composeInput';

export { baseName, fileSizeError, formatBytes, isComposeFileName, looksLikeComposeText, MAX_COMPOSE_BYTES, resolveComposeUrl } from './composeInput';

/** A parsed file, ready for `store.load`. */
export interface LoadedCompose {
  ok: true;
  source: { kind: 'spec'; spec: ArchitectureSpec; title: string };
  /** Non-fatal findings of the parser. */
  warnings: string[];
  /** Every profile named in the file, in order of first appearance. */
  profiles: string[];
}

export type ComposeLoadResult = LoadedCompose | { ok: false; message: string };

export interface LoadComposeOptions {
  /** File name or URL: names the project when the file has no `name:`, and prefixes errors. */
  fileName?: string;
  /** Compose `--profile` values. */
  activeProfiles?: readonly string[];
  /** Title shown for the loaded architecture. Default: the file name and project. */
  title?: string;
}

/** `voting.compose.yml: services.web.image: … (line 3, column 12)`. */
export function formatComposeError(error: ComposeError, fileName?: string): string {
  const where = error.line !== undefined ? ` (line ${error.line}, column ${error.column ?? 1})` : '';
  return `${fileName ? `${fileName}: ` : ''}${error.message}${where}`;
}

/** The profiles named by any service of `spec`, in order of first appearance. */
export function profilesOf(spec: ArchitectureSpec): string[] {
  const seen: string[] = [];
  for (const service of spec.services) for (const p of service.profiles) if (!seen.includes(p)) seen.push(p);
  return seen;
}

/** Parses `text`; never throws. */
export function loadComposeText(text: string, options: LoadComposeOptions = {}): ComposeLoadResult {
  const { fileName } = options;
  const parsed = parseCompose(text, {
    ...(fileName !== undefined ? { fileName } : {}),
    activeProfiles: [...(options.activeProfiles ?? [])],
    maxBytes: MAX_COMPOSE_BYTES,
  });
  const shown = fileName ? baseName(fileName) : undefined;
  if (!parsed.ok) return { ok: false, message: formatComposeError(parsed.error, shown) };
  const { spec, warnings } = parsed;
  const title = options.title ?? (shown ? `${shown} (project ${spec.project})` : `Compose project ${spec.project}`);
  return { ok: true, source: { kind: 'spec', spec, title }, warnings, profiles: profilesOf(spec) };
}

