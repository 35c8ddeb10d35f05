/**
 * The bare Astro project `npm run bench` compares the site with: a temporary folder with one
 * dynamic page, src/pages/[id].astro, that renders `pages` pages of about 5 KB of text each
 * (./bare-text.ts: varied Chinese and ASCII, made from the page id), and an astro.config.mjs
 * that renders as many pages at once as the site does (build.concurrency). Nothing else: no
 * layout, no CSS, no scripts, no content collections. node_modules is a link to this checkout's,
 * so it is built with the same astro.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BareProject {
  dir: string;
  /** How many pages it renders. */
  pages: number;
  /** Removes the folder (the link to node_modules first, so nothing behind it is touched). */
  remove: () => void;
}

export function makeBareProject(pages: number, concurrency: number): BareProject {
  const dir = mkdtempSync(join(tmpdir(), 'astro-bare-'));
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  mkdirSync(join(dir, 'src/lib'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'astro-bare', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ build: { concurrency: ${concurrency} } });\n`,
  );
  copyFileSync(fileURLToPath(new URL('./bare-text.ts', import.meta.url)), join(dir, 'src/lib/bare-text.ts'));
  writeFileSync(
    join(dir, 'src/pages/[id].astro'),
    `---
import { pageText } from '../lib/bare-text.ts';
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: \`page-\${i + 1}\` } }));
}
const { id } = Astro.params;
const { title, sections } = pageText(id);
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{title}</title></head>
  <body>
    <main>
      <h1>{title}</h1>
      {sections.map((s) => (<section><h2>{s.heading}</h2>{s.paragraphs.map((p) => <p>{p}</p>)}</section>))}
    </main>
  </body>
</html>
`,
  );
  return {
    dir,
    pages,
    remove: () => {
      unlinkSync(join(dir, 'node_modules'));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
