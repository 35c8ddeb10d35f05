/**
 * What a visitor downloads for one built page, read from dist/: the HTML, its stylesheets,
 * the scripts it runs at once (following static imports between chunks), and what those
 * scripts load later on demand (Leaflet, its CSS). Used by the budget tests and `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** Bytes of the HTML document. */
  html: number;
  /** Bytes of the stylesheets it links. */
  css: number;
  /** Bytes of JavaScript run at load: inline scripts plus module chunks and their static imports. */
  js: number;
  /** Bytes of JS and CSS those scripts may load later, when a map or filter is used. */
  lazy: number;
  /** All of the above, gzip-compressed file by file. */
  gzip: number;
}

const unique = (xs: string[]) => [...new Set(xs)];

export function pageWeight(dist: string, path: string): PageWeight {
  const htmlText = readFileSync(`${dist}${path}${path.endsWith('/') ? 'index.html' : ''}`, 'utf8');
  const refs = (re: RegExp) => unique([...htmlText.matchAll(re)].map((m) => m[1]!));
  const read = (ref: string) => readFileSync(`${dist}${ref}`);
  const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/gu);
  const inline = [...htmlText.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/gu)].map((m) => m[1] ?? '');

  const eager = new Set<string>();
  const lazy = new Set<string>();
  const queue = refs(/<script[^>]+src="([^"]+)"/gu).map((ref) => ({ ref, eager: true }));
  while (queue.length) {
    const { ref, eager: isEager } = queue.shift()!;
    if (eager.has(ref) || (!isEager && lazy.has(ref))) continue;
    (isEager ? eager : lazy).add(ref);
    lazy.delete(isEager ? ref : '');
    if (!ref.endsWith('.js')) continue;
    const text = read(ref).toString('utf8');
    // Static imports load with the page; import(`./x.js`) and Vite's "_astro/x.css" lists load later.
    for (const m of text.matchAll(/from\s*["'`]\.\/([^"'`]+\.js)["'`]/gu)) queue.push({ ref: `/_astro/${m[1]}`, eager: isEager });
    for (const m of text.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)|["'`]\/?(_astro\/[^"'`]+\.(?:js|css))["'`]/gu)) {
      queue.push({ ref: m[1] ? `/_astro/${m[1]}` : `/${m[2]}`, eager: false });
    }
  }
  for (const ref of eager) lazy.delete(ref);

  const bytes = (refs: Iterable<string>) => [...refs].reduce((s, r) => s + read(r).length, 0);
  const files = [Buffer.from(htmlText), ...css.map(read), ...inline.map((t) => Buffer.from(t)), ...[...eager, ...lazy].map(read)];
  return {
    html: Buffer.byteLength(htmlText),
    css: bytes(css),
    js: inline.reduce((s, t) => s + Buffer.byteLength(t), 0) + bytes(eager),
    lazy: bytes(lazy),
    gzip: files.reduce((s, f) => s + gzipSync(f).length, 0),
  };
}
