import { chromium } from 'playwright-core';
// usage: FILE=path W=360 OUT=png node .cache/check.mjs
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const ctx = await b.newContext({ viewport: { width: Number(process.env.W ?? 360), height: 800 }, locale: 'zh-CN' });
const requests = [];
ctx.on('request', (r) => requests.push(r.url()));
const p = await ctx.newPage();
p.on('console', (m) => console.log('console:', m.text()));
p.on('pageerror', (e) => console.log('pageerror:', e.message));
await p.goto('http://127.0.0.1:4390/submit/');
await p.waitForSelector('[data-sheet-check][data-ready]');
const before = requests.length;
const t0 = Date.now();
await p.setInputFiles('#sheet-file', process.env.FILE);
await p.waitForSelector('[data-sheet-check][data-checked]', { timeout: 30000 });
console.log('ms', Date.now() - t0, 'state', await p.getAttribute('[data-sheet-check]', 'data-checked'));
console.log(await p.locator('[data-check-result]').innerText());
console.log('requests after load:', requests.slice(before));
if (process.env.OUT) { await p.screenshot({ path: process.env.OUT, fullPage: process.env.FULL === '1' }); }
await b.close();
