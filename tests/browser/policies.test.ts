import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openSession, SHOTS, useBrowser } from './browser.ts';

const browser = useBrowser();

const results = (page: Page) =>
  page.locator('[data-result]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-result'), Number(e.getAttribute('data-value'))])));

/** Presses Tab until the element with this label has focus (keyboard only, no clicks). */
async function tabTo(page: Page, label: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? '';
    });
    if (name.startsWith(label)) return;
  }
  throw new Error(`Tab 键到不了“${label}”`);
}

describe('subsidy calculator', () => {
  it('can be filled by label with the keyboard only, and puts the inputs in the URL', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/policies/calculator/`);
    // Each field by its label: Space picks a radio button, text is typed.
    const steps: [label: string, input: string][] = [
      ['报废旧车', ' '],
      ['汽油车', ' '],
      ['旧车注册日期', '2012-05-01'],
      ['是', ' '],
      ['新能源乘用车', ' '],
      ['新车价格', '150000'],
      ['贷款金额', '100000'],
      ['贷款期数', '36'],
      ['合同年利率', '3'],
      ['放款月份', '2026-03'],
    ];
    for (const [label, input] of steps) {
      await tabTo(s.page, label);
      if (input === ' ') await s.page.keyboard.press('Space');
      else await s.page.keyboard.type(input);
    }
    await tabTo(s.page, '计算');
    await s.page.keyboard.press('Enter');
    await s.page.locator('[data-results]:not([hidden])').waitFor();
    expect(await results(s.page)).toEqual({
      'trade-in': 18000,
      'purchase-tax': 6637,
      interest: 733,
      cash: 18000,
      'tax-saved': 6637,
      'interest-saved': 733,
      total: 25370,
    });
    const url = new URL(s.page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      mode: 'scrap',
      oldFuel: 'petrol',
      oldRegistered: '2012-05-01',
      ownedBeforeCutoff: 'yes',
      car: 'nev',
      price: '150000',
      loan: '100000',
      loanMonths: '36',
      loanRate: '3',
      loanStart: '2026-03',
    });
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('calc-results-title');
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('opening a shared URL shows the same result, with the steps and the rules', async () => {
    const s = await openSession(browser());
    const q = 'mode=replace&car=ice-small&price=250000&ownedBeforeCutoff=yes';
    await s.page.goto(`${baseUrl()}/policies/calculator/?${q}`);
    expect(await results(s.page)).toEqual({
      'trade-in': 13000,
      'purchase-tax': 0,
      interest: 0,
      cash: 13000,
      'tax-saved': 0,
      'interest-saved': 0,
      total: 13000,
    });
    const tradeIn = await s.page.locator('[data-result="trade-in"]').innerText();
    expect(tradeIn).toContain('250,000元 × 6% = 15,000元');
    expect(tradeIn).toContain('超过封顶1.3万元');
    expect(await s.page.locator('[data-result="purchase-tax"]').innerText()).toContain('燃油车不减免车辆购置税');
    const href = await s.page.locator('[data-result="trade-in"] a').first().getAttribute('href');
    expect(await s.page.locator(href!).count()).toBe(1);
    expect(await s.page.locator('#calc-car-ice-small').isChecked()).toBe(true);
    await s.context.close();
  });

  it('explains why not eligible and what would change it', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/policies/calculator/?mode=scrap&car=nev&price=120000&oldFuel=petrol&oldRegistered=2014-01-01&ownedBeforeCutoff=yes`);
    const text = await s.page.locator('[data-result="trade-in"]').innerText();
    expect(text).toContain('晚于2013年6月30日，还不符合报废更新的条件');
    expect(text).toContain('可以改为置换更新');
    expect(await results(s.page)).toMatchObject({ 'trade-in': 0 });
    await s.context.close();
  });

  it('lists every problem in an error summary that links to the field', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/policies/calculator/`);
    await s.page.getByRole('button', { name: '计算' }).click();
    const summary = s.page.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.locator('li').allInnerTexts()).toEqual(['请选择旧车怎么处理', '请选择新车类型', '请填写新车价格（元）']);
    expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-error-summary'))).toBe('');
    expect(await s.page.locator('#calc-price').getAttribute('aria-invalid')).toBe('true');
    await s.context.close();
  });

  it('the total comes first; where scrapping and selling are both open, both totals show side by side', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
    await s.page.goto(`${baseUrl()}/policies/calculator/?mode=scrap&car=nev&price=150000&oldFuel=petrol&oldRegistered=2012-05-01&ownedBeforeCutoff=yes`);
    await s.page.locator('[data-results]:not([hidden])').waitFor();
    const order = await s.page.evaluate(() => [...document.querySelectorAll('[data-results] > *')].map((e) => e.className || e.tagName));
    expect(order.indexOf('calc__sum')).toBeLessThan(order.findIndex((c) => c === 'DIV' || c.includes('compare')));
    expect(await s.page.locator('.calc__sum dt').first().innerText()).toBe('合计少花');
    const compare = s.page.locator('[data-compare-box]:not([hidden])');
    expect(await compare.locator('dd[data-compare="scrap"]').innerText()).toMatch(/^约 [\d,]+ 元（您选的）$/u);
    expect(await compare.locator('dd[data-compare="replace"]').innerText()).toMatch(/^约 [\d,]+ 元$/u);
    expect(Number(await compare.locator('dd[data-compare="scrap"]').getAttribute('data-value'))).toBe(
      Number(await s.page.locator('[data-result="total"]').getAttribute('data-value')),
    );
    // A footnote link to a rule opens the folded table at that row.
    await s.page.locator('[data-result="trade-in"] a[href^="#fact-"]').first().click();
    expect(await s.page.locator('details.rules-fold').getAttribute('open')).not.toBeNull();
    // Without an old car there is nothing to compare.
    await s.page.goto(`${baseUrl()}/policies/calculator/?mode=none&car=nev&price=150000`);
    await s.page.locator('[data-results]:not([hidden])').waitFor();
    expect(await s.page.locator('[data-compare-box]').isHidden()).toBe(true);
    await s.context.close();
  });

  it('without JavaScript shows the rules table and worked examples', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/policies/calculator/`);
    expect(await s.page.locator('#rules-table tbody tr').count()).toBeGreaterThan(15);
    // Folded behind a summary that says what it holds; opened, the table is there.
    const fold = s.page.locator('details.rules-fold');
    expect(await fold.getAttribute('open')).toBeNull();
    expect(await fold.locator('summary').innerText()).toMatch(/^展开计算器用到的 \d+ 条规定/u);
    await fold.locator('summary').click();
    expect(await s.page.locator('#rules-table').isVisible()).toBe(true);
    const examples = await s.page.locator('[data-example="trade-in"]').allInnerTexts();
    expect(examples).toContain('18,000元');
    expect(await s.page.locator('.calc .notice-box').innerText()).toContain('计算需要浏览器开启 JavaScript');
    await s.context.close();
  });

  for (const elder of [false, true]) {
    it(`is readable at 360 px${elder ? ' in 适老化 mode' : ''}`, async () => {
      const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
      if (elder) await s.page.addInitScript(() => localStorage.setItem('wujin-elder', '1'));
      await s.page.goto(`${baseUrl()}/policies/calculator/?mode=scrap&car=nev&price=150000&oldFuel=petrol&oldRegistered=2012-05-01&ownedBeforeCutoff=yes`);
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await s.page.screenshot({ path: `${SHOTS}/360_calculator${elder ? '_elder' : ''}.png` });
      await s.page.locator('[data-results]').scrollIntoViewIfNeeded();
      await s.page.screenshot({ path: `${SHOTS}/360_calculator_result${elder ? '_elder' : ''}.png` });
      const size = await s.page.locator('[data-result="trade-in"] .calc__amount').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(size).toBeGreaterThanOrEqual(elder ? 30 : 24);
      await s.context.close();
    });
  }
});

describe('explainers', () => {
  for (const id of ['trade-in', 'purchase', 'credit']) {
    it(`/policies/${id}/: every footnote links to its numbered row with source and period, and back; sources listed`, async () => {
      const s = await openSession(browser());
      await s.page.goto(`${baseUrl()}/policies/${id}/`);
      const refs = await s.page.locator('sup.fn a').evaluateAll((as) => as.map((a) => [a.getAttribute('href')!, a.textContent!]));
      expect(refs.length).toBeGreaterThan(3);
      for (const [href, n] of refs) {
        // An older year's version is listed inside its rule's row.
        const row = s.page.locator(href!).locator('xpath=ancestor-or-self::tr');
        expect(await row.count(), href!).toBe(1);
        const cells = await row.locator('td').allInnerTexts();
        expect(cells[0]!.trim().split(/\s/u)[0], `${href} number`).toBe(n);
        expect(cells[2], `${href} period`).not.toBe('');
        expect(cells[3], `${href} source`).not.toBe('');
        const back = await row.locator('td a[href^="#ref-"]').getAttribute('href');
        expect(await s.page.locator(back!).count(), `${href} back link`).toBe(1);
      }
      expect(await s.page.locator('main').innerText()).not.toContain('[依据]');
      expect(await s.page.locator('main').innerText()).not.toMatch(/待核实\s*待核实/u);
      expect(await s.page.locator('#sources + ol li').count()).toBeGreaterThan(0);
      expect(await s.page.locator('.callout--warning').innerText()).toContain('只通过官方渠道申请');
      expect(await s.page.locator('text=最后核对').count()).toBe(1);
      await s.context.close();
    });
  }

  it('unconfirmed facts are marked 待核实 where they appear', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/policies/trade-in/`);
    const review = s.page.locator('[data-fact="tradein-review-days"]').first();
    expect(await review.innerText()).toContain('个工作日');
    expect(await review.locator('.unconfirmed').innerText()).toBe('待核实');
    const confirmed = s.page.locator('[data-fact="tradein-scrap-nev"]').first();
    expect(await confirmed.locator('.unconfirmed').count()).toBe(0);
    await s.context.close();
  });

  it('each city shows its programme status honestly as 未知', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/policies/trade-in/`);
    const cells = await s.page.locator('.status-table td').allInnerTexts();
    expect(cells).toHaveLength(26);
    expect(new Set(cells)).toEqual(new Set(['未知']));
    await s.context.close();
  });
});
