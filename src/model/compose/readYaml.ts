/**
 * Reads YAML text into plain data with the `yaml` library, defensively:
 * - a size limit (UTF-8 bytes), checked before anything else;
 * - a nesting-depth limit, checked on the concrete syntax tree before anything
 *   recursive runs;
 * - aliases bounded by what they cost once expanded (size, nesting, time), not by how
 *   many are written: see `yamlToData.ts`;
 * - duplicate keys found in linear time;
 * - YAML 1.2 core schema with `<<` merge keys, including `<<: [*a, *b]` (Compose reads
 *   YAML with go-yaml v3, which also resolves merge keys).
 */
import {
  Composer,
  isAlias,
  isNode,
  isScalar,
  LineCounter,
  Lexer,
  Parser,
  visit,
  type CST,
  type Document,
  type Node,
} from 'yaml';
import type { ComposeError } from './composeError';
import { MAX_NESTING_DEPTH, yamlToData } from './yamlToData';

;

/** Default `maxBytes`: 1 MB, far above any real compose file. */
export const DEFAULT_MAX_BYTES = 1_000_000;

export type ReadYamlResult =
  | { ok: true; doc: Document.Parsed; lineCounter: LineCounter; data: unknown; warnings: string[] }
  | { ok: false; error: ComposeError };

/** UTF-8 length without allocating a copy. */
function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair
      i++;
    } else bytes += 3;
  }
  return bytes;
}

type Parsed = { ok: true; doc: Document.Parsed } | { ok: false; error: ComposeError };

/**
 * yaml's `parseDocument` (its `public-api` does exactly this: CST parser, then
 * Composer), with a nesting-depth check in between. The lexer and the CST parser are
 * iterative; the Composer recurses once per level, so it must never see a document
 * like 10 000 `[`. Duplicate keys are checked by `findDuplicateKey` instead of yaml's
 * `uniqueKeys`, which compares each key with every earlier one (quadratic: 40 000
 * keys took 20 s).
 */
function parseYaml(text: string, lineCounter: LineCounter): Parsed {
  lineCounter.addNewLine(0);
  const parser = new Parser(lineCounter.addNewLine);
  // The parser's stack holds the document and one entry per open collection (+1 for
  // the scalar being read).
  const limit = MAX_NESTING_DEPTH + 2;
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > limit) {
      const { line, col } = lineCounter.linePos(parser.offset);
      const message = `YAML nesting is too deep: more than ${MAX_NESTING_DEPTH} levels at line ${line}, column ${col}`;
      return { ok: false, error: { message, line, column: col } };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  const composer = new Composer({ merge: true, uniqueKeys: false });
  const [doc, second] = composer.compose(tokens, true, text.length);
  if (!doc) return { ok: false, error: { message: 'YAML could not be read' } };
  if (second) {
    const { line, col } = lineCounter.linePos(second.range[0]);
    const what = 'the file holds several YAML documents (separated by ---); only one is supported';
    return { ok: false, error: { message: `YAML syntax error at line ${line}, column ${col}: ${what}`, line, column: col } };
  }
  return { ok: true, doc };
}

/** A key repeated in one mapping (Compose, through go-yaml, rejects them too). */
function findDuplicateKey(doc: Document, lineCounter: LineCounter): ComposeError | undefined {
  let error: ComposeError | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (!seen.has(key.value)) {
          seen.add(key.value);
          continue;
        }
        const { line, col } = lineCounter.linePos(key.range?.[0] ?? 0);
        const message = `YAML syntax error at line ${line}, column ${col}: Map keys must be unique ("${String(key.value)}" is repeated)`;
        error = { message, line, column: col };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return error;
}

/**
 * Checks aliases in one pass, before they are expanded: an alias whose anchor is not
 * defined before it, and one inside the very node it refers to (`a: &a [*a]`, a cyclic
 * value). (yaml's own `toJS` is not used: it looks each alias up among all anchors and
 * aliases, which is quadratic: 20 000 aliases took 16 s.)
 */
function checkAliases(doc: Document, lineCounter: LineCounter): ComposeError | undefined {
  const anchors = new Map<string, unknown>();
  let error: ComposeError | undefined;
  visit(doc, (_key, node, path) => {
    if (isAlias(node)) {
      const source = anchors.get(node.source);
      const problem =
        source === undefined
          ? 'refers to an anchor that is not defined before it'
          : path.includes(source as Node)
            ? 'refers to a node that contains it (a recursive structure)'
            : undefined;
      if (!problem) return undefined;
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      error = { message: `YAML alias *${node.source} at line ${line}, column ${col} ${problem}`, line, column: col };
      return visit.BREAK;
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    return undefined;
  });
  return error;
}

/** Offset of the quoted scalar that runs, unclosed, up to `end`. */
function unclosedQuoteStart(doc: Document, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && node.range?.[1] === end) {
        start = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/**
 * Parses compose YAML text into plain data.
 *
 * @param text the file's text.
 * @param maxBytes size limit in UTF-8 bytes (default 1 000 000).
 * @returns the parsed `Document`, its `LineCounter` (for error positions), the plain
 *   `data` (`null` for an empty file) and yaml's warnings; or `{ ok: false, error }`
 *   with a line and column where the YAML itself is at fault. Never throws.
 */
export function readYaml(text: string, maxBytes: number = DEFAULT_MAX_BYTES): ReadYamlResult {
  const bytes = utf8ByteLength(text);
  if (bytes > maxBytes) {
    return { ok: false, error: { message: `Compose file is too large: ${bytes} bytes (limit ${maxBytes})` } };
  }
  const lineCounter = new LineCounter();
  const parsed = parseYaml(text, lineCounter);
  if (!parsed.ok) return parsed;
  const { doc } = parsed;
  const syntax = doc.errors[0];
  if (syntax) {
    // yaml puts a bad indentation at the start of its line; the misplaced key is the useful place.
    let at = syntax.pos[0];
    if (syntax.code === 'BAD_INDENT') while (text[at] === ' ') at++;
    let { line, col } = lineCounter.linePos(at);
    let what = syntax.message;
    const opened = syntax.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, syntax.pos[0]) : undefined;
    if (opened !== undefined) {
      // yaml reports the end of input; the opening quote is the useful place.
      what = `${what} (the string that starts here is still open at line ${line}, column ${col})`;
      ({ line, col } = lineCounter.linePos(opened));
    }
    return {
      ok: false,
      error: { message: `YAML syntax error at line ${line}, column ${col}: ${what}`, line, column: col },
    };
  }
  const badKeyOrAlias = findDuplicateKey(doc, lineCounter) ?? checkAliases(doc, lineCounter);
  if (badKeyOrAlias) return { ok: false, error: badKeyOrAlias };

  const converted = yamlToData(doc, lineCounter);
  if (!converted.ok) return converted;
  const { data } = converted;
  const warnings = doc.warnings.map((warning) => {
    const { line, col } = lineCounter.linePos(warning.pos[0]);
    return `YAML warning at line ${line}, column ${col}: ${warning.message}`;
  });
  return { ok: true, doc, lineCounter, data, warnings };
}
