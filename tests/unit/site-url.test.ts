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
    expect(resolveSiteUrl('https://www.example.gov.cn:8443/wujin', true)).toEqual({ site: 'https://www.example.gov.cn:8443/wujin/', explicit: true });
    // A real domain that merely starts with "localhost" is a public address.
    expect(resolveSiteUrl('https://localhost.gov.cn/', true)).toEqual({ site: 'https://localhost.gov.cn/', explicit: true });
  });

  it('only https://host[:port][/path/]: no credentials, query or fragment, and not this machine in any spelling', () => {
    const refused: [string, string][] = [
      ['https://user:pass@example.gov.cn/?x=1', '用户名或密码'],
      ['https://user@example.gov.cn/', '用户名或密码'],
      ['https://example.gov.cn/?x=1', '“?”或“#”'],
      ['https://example.gov.cn/#top', '“?”或“#”'],
      ['https://example.gov.cn/?', '“?”或“#”'],
      ['https://foo.localhost/', '本机地址'],
      ['https://LOCALHOST./', '本机地址'],
      ['https://127.0.0.2/', '本机地址'],
      ['https://0.0.0.0/', '本机地址'],
      ['https://[::1]/', '本机地址'],
      ['https://[::ffff:127.0.0.1]/', '本机地址'],
      ['ftp://example.gov.cn/', '不是 https 网址'],
      ['javascript:alert(1)', '不是 https 网址'],
    ];
    for (const [value, message] of refused) expect(resolveSiteUrl(value, true), value).toEqual({ error: expect.stringContaining(message) });
  });

  it('npm run release stops before building when SITE_URL is missing', () => {
    const env = { ...process.env };
    delete env.SITE_URL;
    const r = spawnSync(process.execPath, ['scripts/check-release.ts'], { encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('必须设置网站的正式网址');
  });
});
