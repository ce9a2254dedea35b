/**
 * Several files opened at once (a file picker, a drop) come in no useful order
 * (pickers sort by name: `compose.prod.yaml` before `compose.yaml`). Compose's own
 * convention decides: files that another file names in `include:` or `extends: file:`
 * are not `-f` files but referenced ones; of the rest, the base file
 * (`compose.yaml`, `docker-compose.yml`, … — Compose's default names) comes first and
 * `*.override.*` files last (as `docker compose` pairs `compose.yaml` with
 * `compose.override.yaml`); others keep the order given.
 */
import type { ComposeSource } from './loadModel';
import { resolveReference } from './loadModel';
import { readYaml } from './readYaml';

/** Compose's default file names (docker/compose `cli.DefaultFileNames`). */
const DEFAULT_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

const baseName = (name: string) => name.split(/[?#]/)[0]!.split(/[\\/]/).filter(Boolean).at(-1) ?? name;

/** The files `include:` and `extends: file:` name in `text`, as written. */
function referencedPaths(text: string): string[] {
  const read = readYaml(text);
  if (!read.ok || !read.data || typeof read.data !== 'object') return [];
  const data = read.data as Record<string, unknown>;
  const paths: string[] = [];
  if (Array.isArray(data.include)) {
    for (const entry of data.include) {
      if (typeof entry === 'string') paths.push(entry);
      else if (entry && typeof entry === 'object') {
        const path = (entry as { path?: unknown }).path;
        if (typeof path === 'string') paths.push(path);
        else if (Array.isArray(path)) paths.push(...path.filter((p): p is string => typeof p === 'string'));
      }
    }
  }
  const services = data.services;
  if (services && typeof services === 'object') {
    for (const service of Object.values(services)) {
      const ext = service && typeof service === 'object' ? (service as { extends?: unknown }).extends : undefined;
      if (ext && typeof ext === 'object' && typeof (ext as { file?: unknown }).file === 'string') paths.push((ext as { file: string }).file);
    }
  }
  return paths;
}

/**
 * Splits files opened together into the `-f` files, in Compose's order, and the files
 * they reference.
 */
export function orderComposeFiles(sources: readonly ComposeSource[]): { files: ComposeSource[]; related: ComposeSource[] } {
  const referenced = new Set<ComposeSource>();
  for (const source of sources) {
    for (const path of referencedPaths(source.text)) {
      const target = resolveReference(path, source.name, sources);
      if (target && target !== source) referenced.add(target);
    }
  }
  const rank = (source: ComposeSource) => {
    const name = baseName(source.name).toLowerCase();
    if (DEFAULT_NAMES.includes(name)) return 0;
    if (/\.override\.ya?ml$/.test(name)) return 2;
    return 1;
  };
  const main = sources.filter((source) => !referenced.has(source));
  const files = main.map((source, index) => ({ source, index })).sort((a, b) => rank(a.source) - rank(b.source) || a.index - b.index).map((x) => x.source);
  // Everything referenced, and nothing left out: with only referenced files (a cycle), open them all.
  if (files.length === 0) return { files: [...sources], related: [] };
  return { files, related: sources.filter((source) => referenced.has(source)) };
}
