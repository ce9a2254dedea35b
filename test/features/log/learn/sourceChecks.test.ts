/** Static checks of the source that axe cannot see from one page. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

const SOURCES = [...files(resolve('src')), ...files(resolve('machines')), resolve('index.html')];

describe('source', () => {
  it('never sets raw HTML (no dangerouslySetInnerHTML, no innerHTML / outerHTML / insertAdjacentHTML assignment)', () => {
    const offenders = SOURCES.filter((path) => /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML\(/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the learn texts live in one place (src/model/explain/explanations.ts)', () => {
    const learn = files(resolve('src/features/log/learn')).map((path) => readFileSync(path, 'utf8'));
    expect(learn.some((code) => code.includes('cgroup freezer') || code.includes('SIGKILL, which cannot'))).toBe(false);
  });
});
