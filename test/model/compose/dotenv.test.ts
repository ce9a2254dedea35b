/** `.env` files as compose-go dotenv/parser.go reads them. */
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../../src/model/compose/dotenv';

const env = (text: string) => {
  const result = parseDotenv(text);
  if (!result.ok) throw new Error(result.error.message);
  return Object.fromEntries(result.env);
};

describe('parseDotenv', () => {
  it('reads KEY=value, export, comments, inline comments and blank lines', () => {
    expect(env('# comment\nA=1\nexport B = two words  # note\n\nC=x#not-a-comment\nD:colon\n')).toEqual({
      A: '1',
      B: 'two words',
      C: 'x#not-a-comment',
      D: 'colon',
    });
  });

  it('single quotes are literal; double quotes understand escapes and interpolate; both may span lines', () => {
    expect(env(`A=1\nS='$A \\n'\nD="$A\\n\\"q\\""\nM="line1\nline2"\n`)).toEqual({ A: '1', S: '$A \\n', D: '1\n"q"', M: 'line1\nline2' });
  });

  it('interpolates unquoted values with the variables above, with defaults', () => {
    expect(env('HOST=db\nURL=postgres://${HOST}:${PORT:-5432}/app\n')).toEqual({ HOST: 'db', URL: 'postgres://db:5432/app' });
  });

  it('leaves a bare KEY unset (it would come from the shell)', () => {
    expect(env('INHERITED\nA=1\n')).toEqual({ A: '1' });
  });

  it("refuses what compose-go refuses, with the line", () => {
    expect(parseDotenv('A=1\nB C=2\n')).toEqual({ ok: false, error: { message: 'line 2: key cannot contain a space', line: 2 } });
    expect(parseDotenv('A$=1\n')).toEqual({ ok: false, error: { message: 'line 1: unexpected character "$" in variable name "A$=1"', line: 1 } });
    expect(parseDotenv('A="open\n')).toEqual({ ok: false, error: { message: 'line 1: unterminated quoted value "open', line: 1 } });
  });
});
