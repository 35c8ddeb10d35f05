/**
 * Takes screenshots of built pages for a human to look at:
 *   npm run screenshot -- /notice/ [width] [--elder] [--at css-selector] [--out file.png]
 * Needs a running server (npm start) at BASE_URL (default http://localhost:4321).
 */
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const path = args.find((a) => a.startsWith('/')) ?? '/';
const width = Number(args.find((a) => /^\d+$/.test(a)) ?? 1280);
const elder = args.includes('--elder');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : `/tmp/shot-${path.replace(/\W+/g, '_')}-${width}${elder ? '-elder' : ''}.png`;
const base = process.env.BASE_URL ?? 'http://localhost:4321';
const atIndex = args.indexOf('--at');
const at = atIndex >= 0 ? args[atIndex + 1] : undefined;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width, height: 800 }, locale: 'zh-CN' });
if (elder) await page.addInitScript(() => localStorage.setItem('wujin-elder', '1'));
await page.goto(base + path);
if (at) {
  // Scroll a part of the page into view and capture just the viewport.
  await page
    .locator(at)
    .first()
    .evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: out });
} else {
  await page.screenshot({ path: out, fullPage: true });
}
console.log(out);
await browser.close();
