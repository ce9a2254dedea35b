/**
 * `.env` files, read as compose-go `dotenv/parser.go` reads them:
 * - `KEY=value` or `KEY: value`, an optional `export ` prefix, blank lines and `#` comments;
 * - unquoted values end at ` #` (an inline comment), are trimmed on the right and
 *   interpolated with the variables defined above them (`B=${A}/x`);
 * - `'single'` quotes are literal; `"double"` quotes understand `\n`, `\t`, `\"`, `\\`,
 *   `\$` and are interpolated; both may span lines;
 * - a bare `KEY` inherits from the shell, which this page has not: it stays unset.
 */
import { InterpolationError, substitute } from './interpolation';

export type DotenvResult = { ok: true; env: Map<string, string> } | { ok: false; error: { message: string; line: number } };

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\', $: '$$' };

/**
 * Parses `.env` text.
 *
 * @returns the variables in order of definition (a later definition wins), or the first
 *   error with its 1-based line, in compose-go's words (`unexpected character`,
 *   `key cannot contain a space`, `unterminated quoted value`).
 */
export function parseDotenv(text: string): DotenvResult {
  const env = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const fail = (line: number, message: string): DotenvResult => ({ ok: false, error: { message: `line ${line}: ${message}`, line } });
  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    let rest = lines[index]!.trimStart();
    if (rest === '' || rest.startsWith('#')) continue;
    if (/^export\s+/.test(rest)) rest = rest.replace(/^export\s+/, '');
    const separator = rest.search(/[=:]/);
    const rawKey = separator === -1 ? rest : rest.slice(0, separator);
    const key = rawKey.trimEnd();
    const bad = /[^\p{L}\p{N}_.\-[\]\s]/u.exec(key);
    if (bad) return fail(lineNo, `unexpected character "${bad[0]}" in variable name "${lines[index]!.trim()}"`);
    if (/\s/.test(key)) return fail(lineNo, 'key cannot contain a space');
    if (separator === -1) continue; // inherited from the shell: unset here
    let value = rest.slice(separator + 1).trimStart();
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      let body = value.slice(1);
      let end = findClosingQuote(body, quote);
      const startLine = lineNo;
      while (end === -1 && index + 1 < lines.length) {
        index++;
        body += `\n${lines[index]!}`;
        end = findClosingQuote(body, quote);
      }
      if (end === -1) return fail(startLine, `unterminated quoted value ${value}`);
      const inner = body.slice(0, end);
      if (quote === "'") {
        env.set(key, inner);
        continue;
      }
      value = inner.replace(/\\([abfnrtv"\\$])/g, (_m, c: string) => ESCAPES[c] ?? c);
    } else {
      const comment = value.indexOf(' #');
      if (comment !== -1) value = value.slice(0, comment);
      value = value.trimEnd();
    }
    try {
      env.set(key, substitute(value, env));
    } catch (cause) {
      if (cause instanceof InterpolationError) return fail(lineNo, cause.message);
      throw cause;
    }
  }
  return { ok: true, env };
}

function findClosingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      i++;
      continue;
    }
    if (body[i] === quote) return i;
  }
  return -1;
}
