/**
 * The project stands alone: a fresh clone with nothing beside it builds, runs its scripts and
 * passes its tests. Any tracked file that points at a path outside the repository (a sibling
 * folder, a home directory, this machine's work folder) would break that promise on every other
 * machine, so this test reads every tracked text file and resolves every relative path in it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
const TEXT = /\.(ts|tsx|js|mjs|cjs|astro|mdx|md|json|yaml|yml|css|html|txt|sh)$|^\.ci\/run$|^\.nvmrc$/u;
// package-lock.json lists registry paths only; it is read by npm, not by the project.
// Files deleted but not yet committed are skipped: only what is on disk can refer to anything.
const files = tracked.filter((f) => TEXT.test(f) && f !== 'package-lock.json' && existsSync(resolve(root, f)));

/**
 * Every place a file points outside the repository: a relative ../ path that climbs out of it or
 * names nothing inside it (scripts resolve paths from the repository root, so a sibling folder
 * named from scripts/ is caught by the second rule), or an absolute path on a developer's machine.
 */
export function findOutsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  const dir = dirname(resolve(root, file));
  for (const m of text.matchAll(/(?<![\w/.])((?:\.\.\/)+)([\w.@-]*)/gu)) {
    const target = resolve(dir, m[1]!, m[2]!);
    const rel = relative(root, target);
    if (rel === '..' || rel.startsWith(`..${sep}`) || (m[2] && !existsSync(target))) found.push(`${file}: ${m[0]}`);
  }
  for (const m of text.matchAll(/(?<![\w.])(?:\/work\/|\/root\/|\/home\/\w+\/|[A-Z]:\\Users\\)[^\s'"`)]*/gu)) found.push(`${file}: ${m[0]}`);
  return found;
}

describe('a fresh clone needs nothing beside it', () => {
  it('reads the list of tracked files', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('content/sources/jiangsu-divisions.json');
  });

  it('no tracked file refers to a path outside the repository', () => {
    const problems = files.flatMap((f) => findOutsideReferences(f, readFileSync(resolve(root, f), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('catches the kinds of reference that broke fresh clones before', () => {
    // Built from parts so that this file does not itself hold such a path.
    const up = (n: number) => '../'.repeat(n);
    expect(findOutsideReferences('tests/unit/regions.test.ts', `import x from '${up(3)}shared/reference/a.json'`)).toHaveLength(1);
    expect(findOutsideReferences('scripts/build-regions.ts', `resolve('${up(1)}shared/reference/a.json')`)).toHaveLength(1);
    expect(findOutsideReferences('README.md', `见 /${'work'}/shared/seed/`)).toHaveLength(1);
    expect(findOutsideReferences('src/pages/cities/[city]/index.astro', `import A from '${up(3)}components/A.astro'`)).toEqual([]);
  });
});
