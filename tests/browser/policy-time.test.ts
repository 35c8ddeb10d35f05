/**
 * Policy pages stay true after a rule ends, read aloud cleanly, and a shared calculator link
 * opens on its result. The build's day is fixed (SITE_NOW 2026-11-27); the visitor's clock is
 * moved to December and January to see what a reader then would see from the same files.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, openSession, useBrowser } from './browser.ts';

const browser = useBrowser();
const notices = (page: import('playwright-core').Page) => page.locator('[data-validity-notice]').allInnerTexts();

describe("periods judged by the visitor's date", () => {
  it('on the build day the trade-in page says until when it runs', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/policies/trade-in/`);
    expect(await notices(s.page)).toEqual(['2026年汽车以旧换新补贴有效期至2026年12月31日。']);
    await s.context.close();
  });

  it('in December the same page says 即将到期, with the days left, and no sentence carries a badge', async () => {
    const s = await openSession(browser());
    await s.page.clock.setFixedTime(new Date('2026-12-10T09:00:00+08:00'));
    await s.page.goto(`${baseUrl()}/policies/trade-in/`);
    const text = s.page.locator('[data-validity-notice] [data-validity-text]');
    expect(await text.innerText()).toBe(
      '即将到期：2026年汽车以旧换新补贴将于2026年12月31日到期（还有21天）。申请截止日尚未公布，买了车请尽早申请。2027年的政策尚未公布，公布后本站会更新。',
    );
    expect(await text.locator('strong').innerText()).toBe('即将到期：2026年汽车以旧换新补贴将于2026年12月31日到期（还有21天）。');
    expect(await s.page.locator('[data-validity-basis]').innerText()).toBe('以上按您设备上的日期（2026年12月10日）判断。');
    // The past year's deadline and the way to apply appear in the last weeks.
    expect(await s.page.locator('[data-validity-late]:not([hidden])').allInnerTexts()).toEqual([
      expect.stringMatching(/^往年先例：按2024年的规则，当年购车的消费者应在2025年1月10日前提交补贴申请/u),
      '怎么申请、去哪里办',
    ]);
    // Numbers in the text keep their footnote and get no badge; the table says where each rule stands.
    expect(await s.page.locator('.explainer__body .validity').count()).toBe(0);
    expect(await s.page.locator('#fact-tradein-scrap-nev [data-validity="table"]').innerText()).toBe('即将到期：2026年12月31日到期');
    await s.context.close();
  });

  it('in January: purchases have closed, people who bought in time may still apply, and the calculator says so', async () => {
    const s = await openSession(browser());
    await s.page.clock.setFixedTime(new Date('2027-01-05T09:00:00+08:00'));
    await s.page.goto(`${baseUrl()}/policies/credit/`);
    expect(await notices(s.page)).toEqual(['已到期：个人消费贷款财政贴息已于2026年12月31日到期。2027年的政策尚未公布，公布后本站会更新。']);
    for (const path of ['/policies/trade-in/', '/policies/']) {
      await s.page.goto(`${baseUrl()}${path}`);
      const [tradeIn] = await s.page.locator('[data-validity-notice] [data-validity-text]').allInnerTexts();
      expect(tradeIn, path).toBe(
        '2026年汽车以旧换新补贴的购车时间已于2026年12月31日结束。在此之前购车的，仍可按2026年的规则申请补贴；申请截止日尚未公布，以官方发布为准，请尽快申请。2027年的政策尚未公布，公布后本站会更新。',
      );
      expect(await s.page.locator('[data-validity-late] a', { hasText: '怎么申请' }).getAttribute('href'), path).toBe('/policies/trade-in/#去哪里办');
    }
    // Without a date the purchase is today: not counted, with the way to count an earlier purchase.
    await s.page.goto(`${baseUrl()}/policies/calculator/?mode=scrap&car=nev&price=15万&oldFuel=petrol&oldRegistered=2012&ownedBeforeCutoff=yes`);
    await s.page.locator('[data-results]:not([hidden])').waitFor();
    const line = s.page.locator('[data-result="trade-in"]');
    expect(await line.getAttribute('data-value')).toBe('0');
    expect(await line.innerText()).toContain('已过有效期，本计算器不计算');
    expect(await line.innerText()).toContain('请在“购车日期”里填写实际日期');
    expect(await line.locator('.calc__note').innerText()).toContain('在此之前购车的，仍可按2026年的规则申请补贴');
    // The purchase-tax reduction runs through 2027, so it is still counted.
    expect(Number(await s.page.locator('[data-result="purchase-tax"]').getAttribute('data-value'))).toBeGreaterThan(0);
    // A December purchase is counted by 2026's rules, with the same note.
    await s.page.goto(
      `${baseUrl()}/policies/calculator/?mode=scrap&car=nev&price=15万&oldFuel=petrol&oldRegistered=2012&ownedBeforeCutoff=yes&buyDate=2026-12-20`,
    );
    await s.page.locator('[data-results]:not([hidden])').waitFor();
    expect(await line.getAttribute('data-value')).toBe('18000');
    expect(await line.locator('.calc__note').innerText()).toContain('在此之前购车的，仍可按2026年的规则申请补贴');
    await s.context.close();
  });

  it('without JavaScript the page states the day it describes', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/policies/trade-in/`);
    expect(await s.page.locator('[data-validity-basis]').innerText()).toBe('以上按本页生成的日期（2026年11月27日）判断。');
    expect(await notices(s.page)).toEqual(['2026年汽车以旧换新补贴有效期至2026年12月31日。']);
    await s.context.close();
  });
});

describe('the calculator as people use it', () => {
  it('a shared link opens with the result in view and focused', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 740 } });
    await s.page.goto(`${baseUrl()}/policies/calculator/?mode=replace&car=nev&price=15.8万元&ownedBeforeCutoff=yes`);
    await s.page.locator('[data-results]:not([hidden])').waitFor();
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('calc-results-title');
    const box = await s.page.locator('#calc-results-title').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(740);
    expect(await s.page.locator('[data-result="trade-in"]').getAttribute('data-value')).toBe('12640');
    expect(await s.page.locator('[data-result="total"]').innerText()).toMatch(/^约 [\d,]+ 元$/u);
    expect(await s.page.locator('.calc__sum').innerText()).toContain('合计少花');
    await s.context.close();
  });

  it('terms, amounts and dates as people write them: 三年, 十五万, 12月20日', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
    await s.page.clock.setFixedTime(new Date('2027-01-05T09:00:00+08:00'));
    await s.page.goto(`${baseUrl()}/policies/calculator/`);
    await s.page.locator('#calc-mode-scrap').check();
    await s.page.locator('#calc-oldFuel-petrol').check();
    await s.page.locator('#calc-oldRegistered').fill('2012');
    await s.page.locator('#calc-ownedBeforeCutoff-yes').check();
    await s.page.locator('#calc-car-nev').check();
    await s.page.locator('#calc-price').fill('十五万');
    await s.page.locator('#calc-buyDate').fill('12月20日');
    await s.page.locator('#calc-loan').fill('十万');
    await s.page.locator('#calc-loanMonths').fill('三年');
    await s.page.locator('#calc-loanRate').fill('3');
    await s.page.locator('#calc-loanStart').fill('2026-12');
    await s.page.getByRole('button', { name: '计算' }).click();
    await s.page.locator('[data-results]:not([hidden])').waitFor();
    // 12月20日 typed in January is last December: inside the 2026 window, counted by its rules.
    expect(await s.page.locator('[data-result="trade-in"]').getAttribute('data-value')).toBe('18000');
    // The shared link keeps what was typed; it reads the same way when opened.
    expect(new URL(s.page.url()).searchParams.get('loanMonths')).toBe('三年');
    expect(Number(await s.page.locator('[data-result="interest"]').getAttribute('data-value'))).toBeGreaterThan(0);
    await s.context.close();
  });

  it('full-width digits and 万 are read; a loan above the price is refused with a reason', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/policies/calculator/`);
    await s.page.locator('#calc-mode-none').check();
    await s.page.locator('#calc-car-nev').check();
    await s.page.locator('#calc-price').fill('１５万');
    await s.page.locator('#calc-loan').fill('20万');
    await s.page.locator('#calc-loanMonths').fill('36');
    await s.page.locator('#calc-loanRate').fill('3');
    await s.page.locator('#calc-loanStart').fill('2026-03');
    await s.page.getByRole('button', { name: '计算' }).click();
    expect(await s.page.locator('[data-error-list]').innerText()).toContain('贷款金额不能超过车价');
    await s.page.locator('#calc-loan').fill('10万');
    await s.page.getByRole('button', { name: '计算' }).click();
    await s.page.locator('[data-results]:not([hidden])').waitFor();
    expect(await s.page.locator('[data-result="interest-saved"]').getAttribute('data-value')).toBe('733');
    await s.context.close();
  });
});

describe('朗读本页', () => {
  it('reads the main text once, in order, without hidden notes, footnote numbers or duplicates', async () => {
    const s = await openSession(browser());
    await s.context.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { __spoken: string[] }).__spoken = spoken;
      const synth = { speaking: false, speak: (u: { text: string }) => spoken.push(u.text), cancel: () => {} };
      Object.defineProperty(window, 'speechSynthesis', { value: synth });
      (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
        text: string;
        lang = '';
        onend = null;
        constructor(t: string) {
          this.text = t;
        }
      };
    });
    await s.page.goto(`${baseUrl()}/policies/trade-in/`);
    await s.page.getByRole('button', { name: '朗读本页' }).click();
    const spoken = await s.page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
    expect(spoken[0]).toBe('汽车以旧换新');
    expect(spoken.filter((t) => t === '汽车以旧换新')).toHaveLength(1);
    const all = spoken.join('\n');
    expect(all).not.toMatch(/依据第|\[依据\]/u);
    // Footnote numbers would show up glued to a value, e.g. "最高2万元1".
    expect(all).not.toMatch(/万元\d/u);
    const hidden = await s.page.locator('main .visually-hidden').allTextContents();
    for (const h of hidden.filter((t) => t.trim().length > 3)) expect(all).not.toContain(h.trim());
    // No block is read twice, and no block is read again inside a longer one.
    for (let i = 1; i < spoken.length; i++) expect(spoken[i - 1]!.includes(spoken[i]!) && spoken[i]!.length > 8, spoken[i]).toBe(false);
    expect(new Set(spoken.filter((t) => t.length > 12)).size).toBe(spoken.filter((t) => t.length > 12).length);
    await s.context.close();
  });
});

describe("upcoming events by the visitor's date", () => {
  it('a city page built on 27 November, read on 10 December, no longer lists the fair of 5–6 December as upcoming', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/cities/xuzhou/`);
    const section = s.page.locator('section[data-upcoming]').first();
    expect(await section.locator('[data-upcoming-count]').innerText()).toBe('2');
    await s.page.clock.setFixedTime(new Date('2026-12-10T09:00:00+08:00'));
    await s.page.reload();
    expect(await section.locator('[data-upcoming-count]').innerText()).toBe('1');
    expect(await section.locator('.event-card[data-event="demo-xuzhou-12"]').isHidden()).toBe(true);
    expect(await section.locator('.event-card[data-event="demo-xuzhou-15"]').isVisible()).toBe(true);
    expect(await section.innerText()).toContain('本页生成后又有1场活动已经结束，已从这里移除。');
    await s.context.close();
  });

  it('/events/ drops them the same way, and its count goes down by as many', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/events/`);
    const section = s.page.locator('section[data-upcoming]');
    const count = async () => Number(await section.locator('[data-upcoming-count]').innerText());
    const [n0, v0] = [await count(), await section.locator('.event-card:visible').count()];
    await s.page.clock.setFixedTime(new Date('2026-12-10T09:00:00+08:00'));
    await s.page.reload();
    const [n1, v1] = [await count(), await section.locator('.event-card:visible').count()];
    expect(v0 - v1).toBeGreaterThan(0);
    expect(n0 - n1).toBe(v0 - v1);
    expect(await section.innerText()).toContain(`本页生成后又有${v0 - v1}场活动已经结束，已从这里移除`);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it("the home page's 近期活动 drop ended fairs the same way", async () => {
    const s = await openSession(browser());
    await s.page.clock.setFixedTime(new Date('2027-01-05T09:00:00+08:00'));
    await s.page.goto(`${baseUrl()}/`);
    const section = s.page.locator('section[data-upcoming]');
    const visible = await section.locator('.event-card:visible').count();
    expect(visible).toBe(0);
    expect(await section.innerText()).toContain('暂时没有其他即将举办的活动');
    await s.context.close();
  });
});
