/** `container-lifecycle` with no command or a help flag prints the usage, not an error. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../bridge/cli';
import { USAGE } from '../../bridge/args';

describe('container-lifecycle usage', () => {
  afterEach(() => vi.restoreAllMocks());

  const run = async (argv: string[]) => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await main(argv);
    return { code, out: out.mock.calls.map((c) => String(c[0])).join(''), err: err.mock.calls.map((c) => String(c[0])).join('') };
  };

  it('--help prints the usage on stdout and exits 0', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, out: `${USAGE}\n`, err: '' });
  });

  it('no command prints the usage and exits 2', async () => {
    expect(await run([])).toEqual({ code: 2, out: `${USAGE}\n`, err: '' });
  });

  it('an unknown command is named on stderr', async () => {
    const { code, err } = await run(['sail']);
    expect(code).toBe(2);
    expect(err).toContain('unknown command "sail"');
  });
});
