/**
 * Standards on the built site: every page is valid HTML by html-validate's recommended rules
 * (config in .htmlvalidate.mjs), and every internal link and #anchor leads somewhere that
 * exists. Reads the files in dist/ (or E2E_DIST); no browser needed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { PAGES } from '../browser/pages.ts';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
import { describe, expect, it } from 'vitest';

const dist = process.env.E2E_DIST ?? 'dist';
const pages = (readdirSync(dist, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\\/gu, '/'))
  .sort();

/** The file a site path is served from: /a/ -> a/index.html, /a/b.csv -> a/b.csv, /a -> a/index.html. */
export function fileForPath(path: string): string | undefined {
  const clean = decodeURIComponent(path.replace(/[?#].*$/u, '')).replace(/^\//u, '');
  const candidates = clean === '' ? ['index.html'] : clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`, `${clean}.html`];
  return candidates.find((c) => existsSync(join(dist, c)) && statSync(join(dist, c)).isFile());
}

/** Ids (and names) a page can be linked to with #. */
function anchorsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/gu)].map((m) => m[1]!));
}

/** The page's own path: a/index.html -> /a/. */
const pathOf = (file: string) => `/${file.replace(/index\.html$/u, '')}`;

describe('valid HTML', () => {
  it("one page of each type passes the W3C Nu HTML checker (vnu.jar on Debian's Java) with no error", () => {
    // html-validate does not see everything: a <script> after </html> is one the Nu checker finds.
    const files = PAGES.map((p) => fileForPath(p))
      .filter((f): f is string => f !== undefined && f.endsWith('.html'))
      .map((f) => join(dist, f));
    expect(files.length).toBe(PAGES.length);
    const r = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'gnu', ...files], { encoding: 'utf8' });
    if (r.error) throw new Error(`无法运行 Java：${r.error.message}（npm test 会在有 root 和 apt-get 时自动安装 default-jre-headless）`);
    expect(r.stderr.trim().split('\n').filter(Boolean).slice(0, 20)).toEqual([]);
    expect(r.status).toBe(0);
  }, 120_000);

  it('every page passes html-validate (recommended rules)', async () => {
    expect(pages.length).toBeGreaterThan(50);
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(dist, page));
      for (const r of report.results) for (const m of r.messages) problems.push(`${page}:${m.line} ${m.ruleId} ${m.message}`);
    }
    expect(problems.slice(0, 20), `${problems.length} 处问题`).toEqual([]);
  }, 240_000);
});

describe('internal links', () => {
  it('every link, image and script on every page points at a file that exists, and every #anchor at an id', () => {
    const anchors = new Map<string, Set<string>>();
    const anchorsFor = (file: string) => {
      let set = anchors.get(file);
      if (!set) {
        set = anchorsOf(readFileSync(join(dist, file), 'utf8'));
        anchors.set(file, set);
      }
      return set;
    };
    const broken: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(dist, page), 'utf8');
      for (const m of html.matchAll(/\s(href|src)="([^"]*)"/gu)) {
        const raw = m[2]!.replace(/&amp;/gu, '&');
        if (/^(https?:|mailto:|tel:|webcal:|data:)/iu.test(raw) || raw === '') continue;
        const url = new URL(raw, `http://site${pathOf(page)}`);
        if (url.host !== 'site') continue;
        const target = fileForPath(url.pathname);
        if (!target) {
          broken.push(`${page}：${raw} 不存在`);
          continue;
        }
        if (url.hash.length > 1 && target.endsWith('.html') && !anchorsFor(target).has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(`${page}：${raw} 的锚点不存在`);
        }
      }
    }
    expect(broken.slice(0, 30), `${broken.length} 个坏链接`).toEqual([]);
  });

  it('the 404 page does not claim a canonical address of its own', () => {
    const html = readFileSync(join(dist, '404.html'), 'utf8');
    expect(html).not.toMatch(/rel="canonical"[^>]*\/404\//u);
  });
});
