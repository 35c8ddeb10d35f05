import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openSession, problemsOnPhone, SHOTS, useBrowser } from './browser.ts';
import { loadNotice, loadPlan } from '../helpers/content.ts';
import { campaignFigures } from '../../src/lib/figures.ts';

import { PAGES } from './pages.ts';
const browser = useBrowser();

/** A speech synthesis that only records what it is asked to say, in window.spoken. */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const spoken: string[] = [];
    Object.assign(window, { spoken });
    Object.defineProperty(window, 'speechSynthesis', {
      value: { speak: (u: { text: string }) => spoken.push(u.text), cancel: () => undefined, pause: () => undefined, resume: () => undefined, speaking: false },
    });
  });
}

describe('home page', () => {
  it('shows the figures computed from the notice and the plan', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/`);
    const expected = campaignFigures(loadNotice(), loadPlan());
    for (const f of expected) {
      const shown = await s.page.locator(`[data-figure="${f.key}"] [data-value]`).innerText();
      expect(Number(shown), f.key).toBe(f.value);
      expect(await s.page.locator(`[data-figure="${f.key}"] .src`).innerText()).toContain('苏商建函〔2026〕66号');
    }
    expect(s.outside).toEqual([]);
    await s.context.close();
  });
});

describe('keyboard', () => {
  for (const path of ['/', '/notice/']) {
    it(`reaches every link on ${path} with Tab, starting with the skip link`, async () => {
      const s = await openSession(browser());
      await s.page.goto(baseUrl() + path);
      const links = await s.page.locator('a[href]:visible').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href + '|' + a.textContent?.trim()));
      const reached = new Set<string>();
      let first = '';
      for (let i = 0; i < links.length + 40; i++) {
        await s.page.keyboard.press('Tab');
        const f = await s.page.evaluate(() => {
          const el = document.activeElement as HTMLAnchorElement | null;
          return el && el.tagName === 'A' ? el.href + '|' + el.textContent?.trim() : (el?.tagName ?? '');
        });
        if (i === 0) first = f;
        reached.add(f);
      }
      expect(first).toContain('跳到正文');
      expect(links.filter((l) => !reached.has(l))).toEqual([]);
      await s.context.close();
    });
  }

  it('the skip link moves focus to the main content', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/notice/`);
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Enter');
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('main');
    await s.context.close();
  });
});

describe('phones and large text', () => {
  for (const path of PAGES) {
    it(`${path} has no horizontal page scroll at 360 px`, async () => {
      const s = await openSession(browser(), { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
      await s.page.goto(baseUrl() + path);
      const width = await s.page.evaluate(() => document.documentElement.scrollWidth);
      await s.page.screenshot({ path: `${SHOTS}/360${path.replace(/\//g, '_')}.png`, fullPage: true });
      expect(width).toBeLessThanOrEqual(360);
      await s.context.close();
    });
  }

  it('the wide table scrolls inside its own box', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 740 } });
    await s.page.goto(`${baseUrl()}/notice/`);
    const box = s.page.locator('#attachment .table-scroll');
    const { scroll, client } = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll).toBeGreaterThan(client);
    expect(await box.getAttribute('tabindex')).toBe('0');
    await s.context.close();
  });

  it('适老模式 enlarges the text and is remembered on the next page', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 740 } });
    await s.page.goto(`${baseUrl()}/`);
    const before = await s.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    // On a phone the toggle is in the menu; it says its state in words, not only by colour.
    await s.page.getByRole('button', { name: '菜单' }).click();
    const toggle = s.page.getByRole('button', { name: '适老模式' });
    expect(await toggle.innerText()).toBe('适老模式：关');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.innerText()).toBe('适老模式：开');
    await s.page.goto(`${baseUrl()}/notice/`);
    expect(await s.page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(true);
    const after = await s.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThanOrEqual(before * 1.2);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await s.page.screenshot({ path: `${SHOTS}/360_notice_elder.png` });
    await s.page.getByRole('button', { name: '菜单' }).click();
    expect(await s.page.getByRole('button', { name: '适老模式' }).innerText()).toBe('适老模式：开');
    await s.page.getByRole('button', { name: '适老模式' }).click();
    await s.page.goto(`${baseUrl()}/`);
    expect(await s.page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(false);
    await s.context.close();
  });

  it('朗读 reads the main content with the browser speech synthesis, pauses, resumes and stops', async () => {
    const s = await openSession(browser());
    await s.page.addInitScript(() => {
      const spoken: string[] = [];
      const calls: string[] = [];
      Object.assign(window, { spoken, calls });
      let speaking = false;
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          speak: (u: { text: string }) => {
            speaking = true;
            spoken.push(u.text);
          },
          cancel: () => {
            speaking = false;
            calls.push('cancel');
          },
          pause: () => calls.push('pause'),
          resume: () => calls.push('resume'),
          get speaking() {
            return speaking;
          },
        },
      });
    });
    await s.page.goto(`${baseUrl()}/notice/`);
    await s.page.getByRole('button', { name: '朗读本页' }).click();
    const spoken = await s.page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(spoken[0]).toContain('以下为 苏商建函〔2026〕66号 全文');
    expect(spoken.some((t) => t.startsWith('一是提高工作认识'))).toBe(true);
    expect(spoken.join('')).not.toContain('跳到正文');
    await s.page.getByRole('button', { name: '暂停朗读' }).click();
    await s.page.getByRole('button', { name: '继续朗读' }).click();
    expect(await s.page.evaluate(() => (window as unknown as { calls: string[] }).calls.filter((c) => c !== 'cancel'))).toEqual(['pause', 'resume']);
    await s.page.getByRole('button', { name: '停止朗读' }).click();
    expect(await s.page.getByRole('button', { name: '朗读本页' }).isVisible()).toBe(true);
    expect(await s.page.getByRole('button', { name: '停止朗读' }).isVisible()).toBe(false);
    await s.context.close();
  });

  it('朗读 starts from the section the reader went to', async () => {
    const s = await openSession(browser());
    await recordSpeech(s.page);
    await s.page.goto(`${baseUrl()}/notice/#attachment`);
    const heading = s.page.locator('#attachment-title');
    await s.page.getByRole('button', { name: '朗读本页' }).click();
    const spoken = await s.page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    // The attachment section: its label, then its title, and nothing from before it.
    expect(spoken.slice(0, 2)).toEqual(['附件', (await heading.innerText()).replace(/\s+/gu, ' ').trim()]);
    expect(spoken.join('')).not.toContain('以下为 苏商建函');
    await s.context.close();
  });

  it('朗读 can start from the paragraph in view: once the header is scrolled away, 从这里朗读, pause and stop wait at the foot of the screen', async () => {
    for (const elder of [false, true]) {
      const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
      if (elder) await s.context.addInitScript(() => localStorage.setItem('wujin-elder', '1'));
      await recordSpeech(s.page);
      await s.page.goto(`${baseUrl()}/notice/`);
      const here = s.page.getByRole('button', { name: '从这里朗读' });
      expect(await here.isVisible()).toBe(false);
      // Scroll so that a paragraph deep in the notice is at the top of the screen.
      const para = s.page.locator('main li', { hasText: /^一是提高工作认识/u }).first();
      await para.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 10));
      await here.waitFor();
      const box = (await here.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      expect(await s.page.getByRole('button', { name: '停止朗读' }).isVisible()).toBe(false);
      await here.click();
      const spoken = await s.page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
      expect(spoken[0]).toMatch(/^一是提高工作认识/u);
      expect(spoken.join('')).not.toContain('以下为 苏商建函');
      await s.page.getByRole('button', { name: '暂停朗读' }).click();
      await s.page.getByRole('button', { name: '继续朗读' }).waitFor();
      await s.page.getByRole('button', { name: '停止朗读' }).click();
      expect(await here.isVisible()).toBe(true);
      // Back at the top, the header has the controls again and the dock goes.
      await s.page.evaluate(() => window.scrollTo(0, 0));
      await here.waitFor({ state: 'hidden' });
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  });

  it('hides 朗读 where the browser has no speech synthesis', async () => {
    const s = await openSession(browser());
    await s.page.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).speechSynthesis;
    });
    await s.page.goto(`${baseUrl()}/`);
    expect(await s.page.locator('[data-read-aloud]').isVisible()).toBe(false);
    expect(await s.page.locator('[data-elder-toggle]').isVisible()).toBe(true);
    await s.context.close();
  });
});

describe('the header leaves room for the page on a phone', () => {
  it('content starts within 160 px (适老: 240 px) on every page type, and the search box is in the first row', async () => {
    const problems = await problemsOnPhone(browser(), PAGES, async (page) => {
      const elder = await page.evaluate(() => document.documentElement.hasAttribute('data-elder'));
      const limit = elder ? 240 : 160;
      const out: string[] = [];
      const top = await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().top);
      if (top > limit) out.push(`正文从 ${Math.round(top)}px 开始`);
      const search = page.locator('.site-header .header-search input');
      if (await search.count()) {
        const box = (await search.boundingBox())!;
        if (box.y + box.height > limit) out.push(`搜索框在 ${Math.round(box.y)}px`);
      }
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('菜单 is a button that opens the links and the 适老/朗读 controls, and Escape closes it', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
    await s.page.goto(`${baseUrl()}/policies/`);
    const menu = s.page.getByRole('button', { name: '菜单' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await s.page.getByRole('link', { name: '活动地图' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await s.page.getByRole('link', { name: '活动地图' }).isVisible()).toBe(true);
    expect(await s.page.getByRole('button', { name: '适老模式' }).isVisible()).toBe(true);
    for (const link of await s.page.locator('.site-nav a').all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await s.page.getByRole('link', { name: '活动地图' }).focus();
    await s.page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe('菜单');
    await s.page.screenshot({ path: `${SHOTS}/360_header.png` });
    await s.context.close();
  });

  it('without JavaScript, 菜单 is a link that shows the same menu', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/policies/`);
    expect(await s.page.getByRole('link', { name: '活动地图' }).isVisible()).toBe(false);
    await s.page.getByRole('link', { name: '菜单' }).click();
    expect(s.page.url()).toMatch(/#site-menu$/u);
    expect(await s.page.getByRole('link', { name: '活动地图' }).isVisible()).toBe(true);
    await s.context.close();
  });

  it('on a wide screen the links and controls show without a menu', async () => {
    const s = await openSession(browser(), { viewport: { width: 1280, height: 800 } });
    await s.page.goto(`${baseUrl()}/policies/`);
    expect(await s.page.getByRole('button', { name: '菜单' }).isVisible()).toBe(false);
    expect(await s.page.getByRole('link', { name: '活动地图' }).isVisible()).toBe(true);
    expect(await s.page.getByRole('button', { name: '适老模式' }).isVisible()).toBe(true);
    await s.context.close();
  });
});

describe('targets a finger can hit', () => {
  it('every control on every page type is at least 44 × 44 px at 360 px, in normal and 适老 mode', async () => {
    const problems = await problemsOnPhone(browser(), PAGES, async (page, path) => {
      if (path === '/map/') await page.locator('.leaflet-control-zoom-in').waitFor();
      return page.evaluate(() => {
        const out: string[] = [];
        const controls =
          'button, select, summary, input:not([type=hidden]), [role=button], .leaflet-marker-icon.map-pin, .marker-cluster, .leaflet-control-zoom a';
        for (const el of document.querySelectorAll<HTMLElement>(controls)) {
          if (!el.checkVisibility()) continue;
          let r: { width: number; height: number } = el.getBoundingClientRect();
          // A radio button or checkbox is hit through its label too.
          const label = (el as HTMLInputElement).labels?.[0];
          if (el.matches('input[type=radio], input[type=checkbox]') && label) {
            const a = el.getBoundingClientRect();
            const b = label.getBoundingClientRect();
            r = { width: Math.max(a.right, b.right) - Math.min(a.left, b.left), height: Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top) };
          }
          if (r.width < 44 || r.height < 44)
            out.push(
              `${el.tagName.toLowerCase()}“${(el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || '').trim().slice(0, 12)}” ${Math.round(r.width)}×${Math.round(r.height)}`,
            );
        }
        return out;
      });
    });
    expect(problems).toEqual([]);
  });
});

describe('a phone number a finger can call', () => {
  it('12345 is a tel: link wherever it appears, and no page turns phone numbers off', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
    for (const path of ['/about/', '/media/', '/policies/trade-in/', '/policies/calculator/poster/']) {
      await s.page.goto(baseUrl() + path);
      const links = s.page.locator('main a[href="tel:12345"]');
      expect(await links.count(), path).toBeGreaterThan(0);
      // Where the text says to call it, the number is the link (a contact's name may mention it).
      const unlinked = await s.page.evaluate(() => {
        const out: string[] = [];
        const walk = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const el = n.parentElement!;
          // Hidden search keywords are not text a reader sees.
          if (n.textContent!.includes('12345') && el.checkVisibility() && !el.closest('a, h2, h3, h4')) out.push(n.textContent!.trim());
        }
        return out;
      });
      expect(unlinked, path).toEqual([]);
      expect(await s.page.locator('meta[name="format-detection"]').count(), path).toBe(0);
    }
    await s.page.goto(`${baseUrl()}/policies/trade-in/`);
    expect((await s.page.locator('.contact-list a[href="tel:12345"]').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await s.context.close();
  });
});

describe('without JavaScript', () => {
  it('every page reads fully and shows no dead buttons', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    for (const path of PAGES) {
      await s.page.goto(baseUrl() + path);
      expect(await s.page.locator('h1').count(), path).toBe(1);
      // The header search's submit button works without JavaScript (a plain GET form); any other is dead.
      expect(await s.page.locator('header button:visible:not(form[action] button[type="submit"])').count(), path).toBe(0);
    }
    await s.page.goto(`${baseUrl()}/notice/`);
    expect(await s.page.locator('[data-points] > li').count()).toBe(5);
    expect(await s.page.locator('#attachment tbody tr').count()).toBe(14);
    await s.context.close();
  });
});

describe('other pages', () => {
  it('an unknown address gets a helpful 404 page', async () => {
    const s = await openSession(browser());
    const response = await s.page.goto(`${baseUrl()}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await s.page.locator('h1').innerText()).toBe('找不到这个页面');
    expect(await s.page.locator('main a[href="/notice/"]').count()).toBe(1);
    await s.context.close();
  });

  it('search finds the plan page for a Chinese query and puts the query in the URL', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/search/`);
    await s.page.getByLabel('输入关键词').fill('市县区合计');
    await s.page.keyboard.press('Enter');
    await s.page.locator('[data-search-results] li').first().waitFor();
    const hrefs = await s.page.locator('[data-search-results] a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toContain('/plan/');
    expect(new URL(s.page.url()).searchParams.get('q')).toBe('市县区合计');
    expect(s.outside).toEqual([]);
    await s.context.close();
  });

  it.each([
    ['以旧换新', '/policies/trade-in/'],
    ['购置税', '/policies/purchase/'],
    ['玄武', '/cities/nanjing/xuanwu/'],
    ['南通', '/cities/nantong/'],
  ])('search for %s puts %s first (Chinese words, not just characters)', async (q, first) => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent(q)}`);
    await s.page.locator('[data-search-results] li').first().waitFor();
    expect(new URL((await s.page.locator('[data-search-results] a').first().getAttribute('href'))!, baseUrl()).pathname).toBe(first);
    await s.context.close();
  });

  it('the sitemap lists every content page and the site index (/search/), and no 404 page or poster', async () => {
    const index = await (await fetch(`${baseUrl()}/sitemap-index.xml`)).text();
    expect(index).toContain('sitemap-0.xml');
    const xml = await (await fetch(`${baseUrl()}/sitemap-0.xml`)).text();
    const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => new URL(m[1]!).pathname);
    for (const p of PAGES.filter((x) => !x.endsWith('/poster/'))) expect(paths, p).toContain(p);
    expect(paths.some((p) => p.includes('404') || p.endsWith('/poster/'))).toBe(false);
    expect(paths.filter((p) => p.startsWith('/search'))).toEqual(['/search/']);
    // A search address with a query is the same page, and names /search/ as its canonical one.
    const search = await (await fetch(`${baseUrl()}/search/?q=${encodeURIComponent('以旧换新')}`)).text();
    expect(search).toMatch(/<link rel="canonical" href="[^"]*\/search\/">/u);
    expect(search).not.toContain('noindex');
    expect(await (await fetch(`${baseUrl()}/robots.txt`)).text()).toContain('/sitemap-index.xml');
  });

  it('the plan CSV downloads as UTF-8 with BOM and the documented header', async () => {
    const res = await fetch(`${baseUrl()}/data/plan-2026.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe('city_code,city,month,city_level,county_level');
    expect(text.trim().split('\r\n')).toHaveLength(157);
    const json = (await (await fetch(`${baseUrl()}/data/plan-2026.json`)).json()) as { rows: unknown[]; reconciliation: { notes: unknown[] } };
    expect(json.rows).toHaveLength(156);
    expect(json.reconciliation.notes).toHaveLength(1);
  });
});
