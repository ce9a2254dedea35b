/**
 * A parsed YAML `Document` → plain data, with aliases and `<<` merge keys expanded, in
 * one linear walk whose cost is bounded by what the expansion produces rather than by
 * how many aliases are written:
 * - the expanded document may hold at most `MAX_EXPANDED_NODES` nodes (go-yaml, which
 *   Compose reads YAML with, stops alias-heavy documents past 400 000 decoded nodes:
 *   `yaml.v3` decode.go `allowedAliasRatio`);
 * - it may nest at most `MAX_NESTING_DEPTH` levels once aliases are expanded;
 * - the walk gives up after `MAX_EXPANSION_MS`.
 *
 * Real compose files merge `x-` blocks into every service (`<<: [*a, *b]`, also inside
 * `depends_on` entries) hundreds of times; an alias bomb ("billion laughs") expands to
 * billions of nodes and is refused at the alias that crosses the limit, long before
 * anything large is built. Each anchored node is converted once and its value shared by
 * every alias (later steps never mutate their input), so memory follows the written
 * document, not the expanded one.
 *
 * Merge keys follow the YAML merge-key type (yaml.org/type/merge.html): keys written in
 * the mapping win over merged ones, and earlier sources of `<<: [*a, *b]` over later ones.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { ComposeError } from './composeError';

/** Nodes the expanded document may hold (go-yaml's threshold for alias-heavy documents). */
const MAX_EXPANDED_NODES = 400_000;
/** Deepest nesting of mappings and lists, written or expanded (compose files use under 10). */
export const MAX_NESTING_DEPTH = 100;
/** Time the expansion may take, ms. */
const MAX_EXPANSION_MS = 2_000;

/** A converted node: its value, how many nodes it expands to, and how deep it nests. */
interface Converted {
  value: unknown;
  size: number;
  height: number;
}

class ExpansionError extends Error {
  constructor(readonly error: ComposeError) {
    super(error.message);
  }
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

/** Sets `key` even when it is `__proto__` (a plain key here, never a prototype). */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  if (key === null || key === undefined) return '';
  return String(key);
}

/**
 * Converts `doc` to plain data.
 *
 * @returns the data, or the error of the first limit crossed (with the line and column of
 *   the alias or node where it happened). Aliases must already be checked by the caller
 *   (defined before use, not inside their own anchor).
 */
export function yamlToData(
  doc: Document,
  lineCounter: LineCounter,
  now: () => number = () => performance.now(),
): { ok: true; data: unknown } | { ok: false; error: ComposeError } {
  const anchors = new Map<string, Node>();
  const done = new Map<Node, Converted>();
  const start = now();
  let visits = 0;

  const fail = (node: Node | Pair | undefined, what: string): never => {
    const offset = (node && 'range' in node ? node.range?.[0] : undefined) ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    throw new ExpansionError({ message: what.replace('%at', `line ${line}, column ${col}`), line, column: col });
  };

  const checkCost = (node: Node, result: Converted, via?: string): Converted => {
    if (result.size > MAX_EXPANDED_NODES) {
      const where = via ? `alias *${via} at %at` : '%at';
      fail(node, `YAML expands to more than ${MAX_EXPANDED_NODES} nodes once its aliases are expanded (${where}), as an alias bomb ("billion laughs") does`);
    }
    if (result.height > MAX_NESTING_DEPTH) {
      fail(node, `YAML nesting is too deep once aliases are expanded: more than ${MAX_NESTING_DEPTH} levels at %at`);
    }
    return result;
  };

  const convert = (node: unknown): Converted => {
    if (!node || typeof node !== 'object') return { value: node ?? null, size: 1, height: 0 };
    if ((++visits & 0x3ff) === 0 && now() - start > MAX_EXPANSION_MS) {
      fail(node as Node, `YAML took more than ${MAX_EXPANSION_MS} ms to expand (at %at); the file is refused as too costly`);
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      // checkAliases has refused undefined and recursive aliases already.
      if (!target) return fail(node, `YAML alias *${node.source} at %at refers to an anchor that is not defined before it`);
      const converted = done.get(target) ?? convert(target);
      return checkCost(node, converted, node.source);
    }
    const cached = done.get(node as Node);
    if (cached) return cached;
    const anchor = (node as Node & { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    let result: Converted;
    if (isScalar(node)) {
      result = { value: node.value ?? null, size: 1, height: 0 };
    } else if (isSeq(node)) {
      const list: unknown[] = [];
      let size = 1;
      let height = 0;
      for (const item of node.items) {
        const child = convert(item);
        list.push(child.value);
        size += child.size;
        height = Math.max(height, child.height);
      }
      result = { value: list, size, height: height + 1 };
    } else if (isMap(node)) {
      result = convertMap(node);
    } else {
      result = { value: null, size: 1, height: 0 };
    }
    checkCost(node as Node, result);
    done.set(node as Node, result);
    return result;
  };

  const convertMap = (node: { items: Pair[] }): Converted => {
    const out: Record<string, unknown> = {};
    const merges: Pair[] = [];
    let size = 1;
    let height = 0;
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) {
        merges.push(pair);
        continue;
      }
      const child = convert(pair.value);
      setKey(out, keyText(pair.key), child.value);
      size += child.size + 1;
      height = Math.max(height, child.height);
    }
    for (const pair of merges) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const resolved = isAlias(source) ? anchors.get(source.source) : source;
        if (!isMap(resolved)) fail(pair.key as Node, 'YAML merge key "<<" at %at: merge sources must be mappings or aliases of mappings');
        const merged = convert(source);
        for (const [key, value] of Object.entries(merged.value as Record<string, unknown>)) {
          if (!Object.prototype.hasOwnProperty.call(out, key)) setKey(out, key, value);
        }
        size += merged.size;
        height = Math.max(height, merged.height - 1);
      }
    }
    return { value: out, size, height: height + 1 };
  };

  try {
    return { ok: true, data: convert(doc.contents).value };
  } catch (cause) {
    if (cause instanceof ExpansionError) return { ok: false, error: cause.error };
    throw cause;
  }
}
