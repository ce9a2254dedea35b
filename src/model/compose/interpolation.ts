/**
 * Compose variable interpolation, as compose-go `template/template.go` does it
 * (compose-spec `12-interpolation.md`):
 * - `$VAR`, `${VAR}`: the value, or a blank string when unset (Compose warns
 *   `The "VAR" variable is not set. Defaulting to a blank string.`);
 * - `${VAR:-default}` (unset or empty), `${VAR-default}` (unset): the default, itself
 *   interpolated, so defaults nest (`${A:-${B:-c}}`);
 * - `${VAR:+alt}` (set and not empty), `${VAR+alt}` (set): the alternative;
 * - `${VAR:?error}` (unset or empty), `${VAR?error}` (unset): Compose's error
 *   `required variable VAR is missing a value: error`;
 * - `$$`: a literal `$`; a `$` not followed by a name or `{` stays as it is;
 * - `${` that is not a valid expression: `invalid interpolation format`.
 * Names are `[_a-zA-Z][_a-zA-Z0-9]*`; only values are interpolated, never keys.
 */

/** Where a variable's value came from. */
type VariableSource = 'environment' | 'default' | 'unset';

/** One variable reference met while interpolating a value. */
export interface VariableUse {
  name: string;
  /** The value used: the environment's, a default, or `undefined` when unset without one. */
  value: string | undefined;
  source: VariableSource;
}

/** Variable values: a `.env` file or a pasted environment. */
export type Environment = ReadonlyMap<string, string>;

/** A template Compose refuses: a malformed `${…}` or a required variable without a value. */
export class InterpolationError extends Error {
  constructor(
    readonly kind: 'invalid' | 'required',
    message: string,
  ) {
    super(message);
  }
}

const NAME_START = /[_a-zA-Z]/;
const NAME_CHAR = /[_a-zA-Z0-9]/;
const BRACED = /^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[-+?])([^\n]*))?$/;

/** compose-go `getFirstBraceClosingIndex`: the `}` closing the `${` at `from`, or -1. */
function closingBrace(text: string, from: number): number {
  let open = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '}') {
      open--;
      if (open === 0) return i;
    }
    if (text[i] === '{') {
      open++;
      i++; // compose-go skips the character after `{`
    }
  }
  return -1;
}

/**
 * Interpolates one string.
 *
 * @param template the value as written.
 * @param env variable values.
 * @param onUse called for each variable reference, in order.
 * @returns the interpolated string.
 * @throws InterpolationError for a malformed `${…}` or a missing required variable.
 */
export function substitute(template: string, env: Environment, onUse: (use: VariableUse) => void = () => undefined): string {
  if (!template.includes('$')) return template;
  const lookup = (name: string): string | undefined => env.get(name);
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar === -1) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, dollar);
    const next = template[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next !== undefined && NAME_START.test(next)) {
      let end = dollar + 2;
      while (end < template.length && NAME_CHAR.test(template[end]!)) end++;
      const name = template.slice(dollar + 1, end);
      const value = lookup(name);
      onUse({ name, value, source: value === undefined ? 'unset' : 'environment' });
      out += value ?? '';
      i = end;
    } else if (next === '{') {
      const close = closingBrace(template, dollar);
      const match = close === -1 ? null : BRACED.exec(template.slice(dollar + 2, close));
      if (!match) throw new InterpolationError('invalid', 'invalid interpolation format');
      out += braced(match[1]!, match[2], match[3] ?? '', env, onUse);
      i = close + 1;
    } else {
      out += '$';
      i = dollar + 1;
    }
  }
  return out;
}

function braced(name: string, op: string | undefined, arg: string, env: Environment, onUse: (use: VariableUse) => void): string {
  const value = env.get(name);
  const empty = value === undefined || value === '';
  const use = (used: string | undefined, source: VariableSource) => {
    onUse({ name, value: used, source });
    return used ?? '';
  };
  switch (op) {
    case undefined:
      return use(value, value === undefined ? 'unset' : 'environment');
    case ':-':
    case '-':
      if (op === ':-' ? empty : value === undefined) return use(substitute(arg, env, onUse), 'default');
      return use(value, 'environment');
    case ':+':
    case '+':
      if (op === ':+' ? !empty : value !== undefined) return use(substitute(arg, env, onUse), 'default');
      return use(value ?? '', value === undefined ? 'default' : 'environment');
    default: {
      // `:?` and `?`
      if (op === ':?' ? empty : value === undefined) {
        const reason = substitute(arg, env, onUse);
        throw new InterpolationError(
          'required',
          `required variable ${name} is missing a value${reason ? `: ${reason}` : ''}`,
        );
      }
      return use(value, 'environment');
    }
  }
}

/**
 * True when `text` contains a variable reference. `$$` is an escaped dollar and does
 * not count.
 */
export function hasInterpolation(text: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(text.replace(/\$\$/g, ''));
}

/**
 * The default of a value that is exactly one `${VAR:-default}` or `${VAR-default}`.
 *
 * @returns the default text, or `undefined` when `text` is anything else.
 */
export function interpolationDefault(text: string): string | undefined {
  const match = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^${}]*)\}$/.exec(text.trim());
  return match?.[1];
}
