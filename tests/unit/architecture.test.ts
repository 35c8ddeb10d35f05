/**
 * The layout holds: no import circles anywhere in src/ (a file never imports one that imports it
 * back, directly or through others), src/lib stays pure (it imports nothing from the layers above
 * it: data, components, pages, client) and no file in src/lib grows past 400 lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = 'src';
const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /\.(ts|astro|mjs)$/u.test(f) && !f.endsWith('.d.ts'))
  .map((f) => join(SRC, f).replace(/\\/gu, '/'));

/** The project files a file imports (static, dynamic and type-only alike), by path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gu),
  ].map((m) => m[1] ?? m[2]!);
  return specs.map((s) => normalize(join(dirname(file), s)).replace(/\\/gu, '/')).filter((p) => files.includes(p));
}
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Every import circle, each as the files around it (Tarjan's strongly connected components). */
function circles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return found;
}

describe('the layout', () => {
  it('reads the import graph (a check that the check sees imports)', () => {
    expect(graph.get('src/lib/subsidy/index.ts')).toEqual(['src/lib/subsidy/rules.ts', 'src/lib/subsidy/calculate.ts', 'src/lib/subsidy/input.ts']);
    expect(graph.get('src/client/directions.ts')).toEqual(['src/lib/directions.ts']);
  });

  it('has no import circles', () => {
    expect(circles()).toEqual([]);
  });

  it('src/lib imports nothing from data, components, pages or client code', () => {
    const wrong = files
      .filter((f) => f.startsWith('src/lib/'))
      .flatMap((f) =>
        graph
          .get(f)!
          .filter((to) => /^src\/(data|components|pages|client|layouts)\//u.test(to))
          .map((to) => `${f} → ${to}`),
      );
    expect(wrong).toEqual([]);
  });

  it('no file in src/lib is over 400 lines', () => {
    const long = files
      .filter((f) => f.startsWith('src/lib/'))
      .map((f) => [relative('.', f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it('every component script starts its behaviours one way: start(name, init) on data-module elements', () => {
    const scripts = files
      .filter((f) => f.endsWith('.astro'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/gu)].map((m) => ({ file: relative('.', f), code: m[1]! })));
    expect(scripts.length).toBeGreaterThan(10);
    const wrong = scripts.filter(({ code }) => !/\bstart\('[a-z-]+', /u.test(code) || /^\s*(void\s+)?init[A-Z]\w*\(/mu.test(code)).map((s) => s.file);
    expect(wrong).toEqual([]);
    // Each name started is one some element carries in data-module.
    const names = new Set(scripts.flatMap(({ code }) => [...code.matchAll(/\bstart\('([a-z-]+)'/gu)].map((m) => m[1]!)));
    const markup = files
      .filter((f) => f.endsWith('.astro'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const name of names) expect(markup, name).toContain(`data-module="${name}"`);
  });
});
