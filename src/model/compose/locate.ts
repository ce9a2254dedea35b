/**
 * Finds where a path of the loaded document is written in the YAML text, through
 * aliases (`*logging`) and merge keys (`<<: *base`, `<<: [*a, *b]`), so errors can
 * give a line and column.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { DocPath } from './composeError';

interface Found {
  /** The deepest node reached along the path. */
  node: Node;
  /** The pair whose value is `node`, when `node` is a mapping value. */
  pair?: Pair;
  /** How many path segments were matched. */
  depth: number;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return String(key);
}

function deref(node: unknown, doc: Document): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(doc);
  return current;
}

/** The pair for `key` in a mapping, looking into `<<` merges (local keys first). */
function findPair(map: unknown, key: string, doc: Document, budget = { left: 1000 }): Pair | undefined {
  const resolved = deref(map, doc);
  if (!isMap(resolved) || budget.left-- <= 0) return undefined;
  const merges: unknown[] = [];
  for (const pair of resolved.items) {
    if (isMergeKey(pair.key)) merges.push(pair.value);
    else if (keyText(pair.key) === key) return pair;
  }
  for (const merge of merges) {
    const sources = deref(merge, doc);
    const list = isSeq(sources) ? sources.items : [sources];
    for (const source of list) {
      const pair = findPair(source, key, doc, budget);
      if (pair) return pair;
    }
  }
  return undefined;
}

function walk(doc: Document, path: DocPath): Found | undefined {
  if (!doc.contents) return undefined;
  let found: Found = { node: doc.contents as Node, depth: 0 };
  for (const segment of path) {
    const container = deref(found.node, doc);
    let next: Found | undefined;
    if (isMap(container)) {
      const pair = findPair(container, String(segment), doc);
      const value = pair?.value ?? pair?.key;
      if (pair && value && typeof value === 'object') {
        next = { node: value as Node, pair, depth: found.depth + 1 };
      }
    } else if (isSeq(container) && typeof segment === 'number') {
      const item = container.items[segment];
      if (item && typeof item === 'object') next = { node: item as Node, depth: found.depth + 1 };
    }
    if (!next) break;
    found = next;
  }
  return found;
}

/**
 * The 1-based line and column where `path` is written.
 *
 * @param path keys and indexes, e.g. `['services', 'web', 'depends_on', 0]`.
 * @param options.key point at the mapping key rather than its value
 *   (`web:` rather than the service body).
 * @returns the position of the deepest node found along `path` (the parent when the
 *   last key is missing), or `undefined` when nothing has a position.
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: DocPath,
  options: { key?: boolean } = {},
): { line: number; column: number } | undefined {
  const found = walk(doc, path);
  if (!found) return undefined;
  return position(found, lineCounter, path, options);
}

/** How many segments of `path` are written in `doc` (0 when none): which file of several declares a path. */
export function writtenDepth(doc: Document, path: DocPath): number {
  return walk(doc, path)?.depth ?? 0;
}

function position(
  found: Found,
  lineCounter: LineCounter,
  path: DocPath,
  options: { key?: boolean },
): { line: number; column: number } | undefined {
  const keyNode = options.key && found.depth === path.length ? found.pair?.key : undefined;
  const target = (keyNode && typeof keyNode === 'object' ? keyNode : found.node) as Node;
  const offset = target.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
