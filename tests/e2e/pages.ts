/** Every page a browser test visits, so that each gate (axe, 360 px, no JS) covers all of them. */
export const PAGES = [
  '/', '/notice/', '/plan/', '/plan/report/', '/plan/report/2026-11/', '/data/', '/about/', '/search/',
  '/policies/', '/policies/trade-in/', '/policies/purchase/', '/policies/credit/', '/policies/calculator/',
  '/events/', '/events/2026-12/', '/events/demo-nanjing-01/', '/map/', '/cities/nanjing/', '/cities/nanjing/xuanwu/', '/cities/suzhou/2026-12/', '/calendar/',
  '/cases/', '/cases/city/nanjing/', '/cases/scene/community/', '/cases/demo-nanjing-jianye-community/', '/media/',
  '/events/demo-nanjing-05/poster/', '/policies/calculator/poster/',
];
