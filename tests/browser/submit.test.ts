/**
 * /submit/'s sheet checker, as a city editor uses it: pick a file, read the problems. The page
 * must list the same problems in the same words as `npm run import -- --dry-run` (both run
 * src/lib/import/check.ts), send nothing anywhere, hold under the site's security policy, and
 * survive hostile files (a zip bomb; a file that takes too long) without hanging the tab.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookAround, zeroBombSheet } from '../fixtures/hostile/xlsx.ts';
import { baseUrl, SHOTS, strictSession, useBrowser } from './browser.ts';

const browser = useBrowser();
const work = mkdtempSync(join(tmpdir(), 'wujin-submit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What the command line says about a file: its problem lines, notes, or its one refusal. */
function commandLine(file: string): { problems: string[]; refused?: string; ok: boolean } {
  const r = spawnSync(process.execPath, ['scripts/import-events.ts', file, '--dry-run'], {
    encoding: 'utf8',
    env: { ...process.env, EVENTS_DIR: join(work, 'events') },
  });
  const lines = r.stderr.split('\n');
  const heading = lines.findIndex((l) => /有 \d+ 处问题，没有导入任何活动：$/u.test(l));
  if (heading >= 0)
    return {
      ok: false,
      problems: lines
        .slice(heading + 1)
        .filter((l) => l.startsWith('  - '))
        .map((l) => l.slice(4)),
    };
  if (r.status !== 0) return { ok: false, problems: [], refused: lines.filter(Boolean).at(-1)! };
  return { ok: true, problems: [] };
}

/** Picks `file` on /submit/ and waits for the checker's answer. */
async function check(page: Page, file: string): Promise<{ state: string | null; heading: string; problems: string[]; text: string }> {
  await page.setInputFiles('#sheet-file', file);
  await page.waitForSelector('[data-sheet-check][data-checked]', { timeout: 20_000 });
  return {
    state: await page.getAttribute('[data-sheet-check]', 'data-checked'),
    heading: await page.locator('[data-check-result] h3').innerText(),
    problems: await page.locator('[data-check-result] .check-problems li').allInnerTexts(),
    text: await page.locator('[data-check-result]').innerText(),
  };
}

let filled = '';
let bomb = '';
let liar = '';
beforeAll(async () => {
  // The site's own template with two events typed in under its example row.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('public/data/templates/events-template.xlsx');
  const sheet = wb.getWorksheet('活动')!;
  const row = (title: string, county: string, day: number) => [
    '',
    title,
    '南京',
    county,
    '进社区',
    '县区',
    new Date(Date.UTC(2026, 11, day, 9)),
    new Date(Date.UTC(2026, 11, day, 17)),
    '奥体中心东广场',
    '南京市建邺区江东中路222号',
    118.7305,
    32.0088,
    '',
    '建邺区商务局',
  ];
  sheet.addRow(row('汽车惠民展销进社区', '建邺区', 12));
  sheet.addRow(row('汽车惠民展销进机关', '滨湖区', 13));
  filled = join(work, '南京12月.xlsx');
  await wb.xlsx.writeFile(filled);
  const zeros = await zeroBombSheet(200);
  bomb = join(work, 'bomb.xlsx');
  writeFileSync(bomb, workbookAround(zeros));
  liar = join(work, 'liar.xlsx');
  writeFileSync(liar, workbookAround(zeros, { lie: true }));
});

describe('the sheet checker on /submit/', () => {
  it('lists the same problems in the same words as the command line, and sends nothing', async () => {
    const s = await strictSession(browser(), { viewport: { width: 360, height: 800 } });
    const requests: string[] = [];
    await s.page.goto(`${baseUrl()}/submit/`);
    await s.page.waitForSelector('[data-sheet-check][data-ready]');
    s.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    s.context.on('request', (r) => requests.push(new URL(r.url()).pathname));

    const bad = await check(s.page, 'tests/fixtures/import/errors.csv');
    const cli = commandLine('tests/fixtures/import/errors.csv');
    expect(cli.problems.length).toBeGreaterThan(5);
    expect(bad.state).toBe('problems');
    expect(bad.heading).toBe(`errors.csv 有 ${cli.problems.length} 处问题，请改好后再报送`);
    expect(bad.problems).toEqual(cli.problems);
    await s.page.screenshot({ path: `${SHOTS}/submit-bad-360.png`, fullPage: true });

    const xlsx = await check(s.page, filled);
    const cliXlsx = commandLine(filled);
    expect(xlsx.problems).toEqual(cliXlsx.problems);
    expect(xlsx.problems.join('\n')).toContain('第4行「县（市、区）」：“滨湖区”不是南京市的县（市、区），它属于无锡市');
    expect(xlsx.text).toContain('第2行「活动名称」：以“示例”开头，是填写示例，没有导入');

    const good = await check(s.page, 'tests/fixtures/import/good.csv');
    expect(commandLine('tests/fixtures/import/good.csv').ok).toBe(true);
    expect(good.state).toBe('ok');
    expect(good.heading).toBe('没有发现问题：3 个活动，可以报送');
    expect(await s.page.locator('.check-preview tbody tr').count()).toBe(3);
    expect(await s.page.locator('.check-preview tbody tr').first().innerText()).toContain('汽车惠民展销进社区');
    await s.page.screenshot({ path: `${SHOTS}/submit-good-360.png`, fullPage: true });

    const broken = await check(s.page, 'tests/fixtures/import/broken.xlsx');
    expect(broken.state).toBe('refused');
    expect(broken.text).toContain(commandLine('tests/fixtures/import/broken.xlsx').refused!.replace(/。怎么改：.*$/u, ''));

    // Nothing left the computer: the only request after the page loaded is the checker's own code.
    expect(requests.filter((p) => !/^\/_astro\/sheet-check\.worker-[\w-]+\.js$/u.test(p))).toEqual([]);
    expect(s.outside).toEqual([]);
    expect(await s.violations()).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it("refuses zip bombs with the command line's words, and the tab stays responsive", async () => {
    const s = await strictSession(browser());
    await s.page.goto(`${baseUrl()}/submit/`);
    await s.page.waitForSelector('[data-sheet-check][data-ready]');
    const declared = await check(s.page, bomb);
    expect(declared.state).toBe('refused');
    expect(declared.text).toContain('解压后却有 200 MB（上限 50 MB）');
    expect(declared.text).toContain(commandLine(bomb).refused!.slice(0, 40));
    const lying = await check(s.page, liar);
    expect(lying.state).toBe('refused');
    expect(lying.text).toContain('解压到 50 MB 还没有完');
    expect(await s.page.evaluate(() => 1 + 1)).toBe(2);
    expect(await s.violations()).toEqual([]);
    await s.context.close();
  });

  it('stops a check that takes too long, and the next check works', async () => {
    const s = await strictSession(browser());
    await s.page.goto(`${baseUrl()}/submit/`);
    await s.page.waitForSelector('[data-sheet-check][data-ready]');
    // A 1 ms limit: no file is checked that fast, so the worker is stopped and the editor told.
    await s.page.evaluate(() => document.querySelector<HTMLElement>('[data-sheet-check]')!.setAttribute('data-time-limit-ms', '1'));
    const slow = await check(s.page, liar);
    expect(slow.state).toBe('refused');
    expect(slow.text).toContain('还没有完成，已停止');
    await s.page.evaluate(() => document.querySelector<HTMLElement>('[data-sheet-check]')!.removeAttribute('data-time-limit-ms'));
    await s.page.setInputFiles('#sheet-file', []);
    expect((await check(s.page, 'tests/fixtures/import/good.csv')).state).toBe('ok');
    await s.context.close();
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = join(work, 'big.csv');
    writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    const s = await strictSession(browser());
    await s.page.goto(`${baseUrl()}/submit/`);
    await s.page.waitForSelector('[data-sheet-check][data-ready]');
    const r = await check(s.page, big);
    expect(r.state).toBe('refused');
    expect(r.text).toContain('big.csv 有 10 MB，超过 10 MB 的上限，没有读取');
    await s.context.close();
  });

  it('without JavaScript: no dead file picker, a plain sentence instead, and the whole field guide', async () => {
    const s = await strictSession(browser(), { viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/submit/`);
    expect(await s.page.locator('#sheet-file').isVisible()).toBe(false);
    expect(await s.page.locator('p.notice-box').filter({ hasText: '检查表格需要开启浏览器的 JavaScript' }).isVisible()).toBe(true);
    expect(await s.page.locator('.field-guide tbody tr').count()).toBe(19);
    expect(await s.page.locator('.submit-facts').innerText()).toContain('待公布');
    await s.context.close();
  });
});
