import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LOCAL_SITE_URL, resolveSiteUrl } from '../../src/lib/site-url.ts';

describe('the site address a build writes', () => {
  it('a local build without SITE_URL uses localhost', () => {
    expect(resolveSiteUrl(undefined, false)).toEqual({ site: LOCAL_SITE_URL, explicit: false });
    expect(resolveSiteUrl('  ', false)).toEqual({ site: LOCAL_SITE_URL, explicit: false });
  });

  it('a release build refuses to run without a public https address, and says how to set it', () => {
    expect(resolveSiteUrl(undefined, true)).toEqual({ error: expect.stringContaining('SITE_URL=https://') });
    expect(resolveSiteUrl('http://wujin.example.gov.cn', true)).toEqual({ error: expect.stringContaining('不是 https 网址') });
    expect(resolveSiteUrl('https://localhost:4321', true)).toEqual({ error: expect.stringContaining('本机地址') });
    expect(resolveSiteUrl('wujin.example.gov.cn', true)).toEqual({ error: expect.stringContaining('不是完整的网址') });
  });

  it('a release build with a real address uses it as given', () => {
    expect(resolveSiteUrl('https://wujin.example.gov.cn', true)).toEqual({ site: 'https://wujin.example.gov.cn/', explicit: true });
  });

  it('npm run release stops before building when SITE_URL is missing', () => {
    const env = { ...process.env };
    delete env.SITE_URL;
    const r = spawnSync(process.execPath, ['scripts/check-release.ts'], { encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('必须设置网站的正式网址');
  });
});
