/**
 * Renders the share card (public/og.png, 1200×630) that WeChat and other apps show for links,
 * from plain HTML in Chromium, so the image uses the same words and colours as the site:
 *   npm run share-image
 */
import { chromium } from 'playwright-core';
import { SITE } from '../src/config/site.ts';

const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
    padding: 0 96px; box-sizing: border-box; background: #0b4a8b; color: #fff;
    font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
  h1 { font-size: 76px; margin: 0 0 24px; line-height: 1.2; }
  p { font-size: 36px; margin: 0; opacity: 0.92; line-height: 1.5; }
  .bar { width: 160px; height: 10px; background: #fff; margin-bottom: 40px; }
</style><div class="bar"></div><h1>${SITE.name}</h1><p>进机关 · 进企业 · 进院校 · 进医院 · 进社区</p><p>活动安排 · 补贴政策 · 各地计划</p></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/og.png' });
await browser.close();
console.log('已生成 public/og.png（1200×630）');
