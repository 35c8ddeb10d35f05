/**
 * Search with Pagefind's JavaScript API, rendered as plain links (no UI framework). The query
 * lives in the URL (?q=) so a search can be shared and survives reloads.
 */
import { excerptNodes, h } from './dom.ts';

interface PagefindResult { data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }> }
interface Pagefind { search(q: string): Promise<{ results: PagefindResult[] }>; init?: () => Promise<void> }

async function loadPagefind(): Promise<Pagefind> {
  // A runtime URL so Vite leaves it alone: the bundle is written by `pagefind` after the build.
  const url = '/pagefind/pagefind.js';
  return (await import(/* @vite-ignore */ url)) as Pagefind;
}

/** Wires the search form. */
export function initSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !input || !status || !list) return;

  let pagefind: Promise<Pagefind> | undefined;
  const run = async (q: string) => {
    list.replaceChildren();
    if (!q.trim()) { status.textContent = ''; return; }
    status.textContent = '正在搜索…';
    try {
      pagefind ??= loadPagefind();
      const pf = await pagefind;
      const { results } = await pf.search(q.trim());
      const top = await Promise.all(results.slice(0, 20).map((r) => r.data()));
      status.textContent = results.length ? `找到 ${results.length} 个页面${results.length > 20 ? '，显示前 20 个' : ''}。` : `没有找到与“${q}”有关的页面。换个说法试试，例如“补贴”“计划”。`;
      for (const r of top) {
        list.append(h('li', {}, h('a', { href: r.url }, r.meta.title ?? r.url), h('p', {}, ...excerptNodes(r.excerpt))));
      }
    } catch {
      status.textContent = '搜索暂时不可用：搜索索引只在完整构建（npm run build）后生成。';
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value;
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    history.replaceState(null, '', url);
    void run(q);
  });
  const initial = new URL(location.href).searchParams.get('q') ?? '';
  input.value = initial;
  if (initial) void run(initial);
}
