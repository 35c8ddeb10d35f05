import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { contentSecurityPolicy, PREPAINT_SCRIPT, scriptHash, securityHeaders } from '../../src/lib/security.ts';
import { headersFile, nginxServerBlock } from '../../src/lib/server-config.ts';
import { cleanText, escapeHtml, hasInvisible, isSafeUrl } from '../../src/lib/text.ts';
import { csvSafe } from '../../src/lib/csv.ts';
import { safeUrl, textField } from '../../src/schemas/common.ts';

describe('content security policy', () => {
  it('allows scripts only from the site, the hashed pre-paint line and WebAssembly; never unsafe-inline', () => {
    const meta = contentSecurityPolicy({ tiles: false, delivery: 'meta' });
    expect(meta).toContain(`script-src 'self' ${scriptHash(PREPAINT_SCRIPT)} 'wasm-unsafe-eval'`);
    expect(meta).not.toContain('unsafe-inline');
    expect(meta).not.toMatch(/(?<!wasm-)unsafe-eval/u);
    // Browsers ignore frame-ancestors in a meta policy; only headers carry it.
    expect(meta).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({ tiles: false, delivery: 'header' })).toContain("frame-ancestors 'none'");
  });

  it('hashes the exact pre-paint text the way browsers do (SHA-256, base64)', () => {
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it('allows 天地图 tiles as images only when a key is configured', () => {
    expect(contentSecurityPolicy({ tiles: false, delivery: 'meta' })).not.toContain('tianditu');
    expect(contentSecurityPolicy({ tiles: true, delivery: 'meta' })).toContain("img-src 'self' data: https://*.tianditu.gov.cn");
  });

  it('writes the same headers for static hosts and for nginx, in every nginx location', () => {
    const file = headersFile({ tiles: false });
    const nginx = nginxServerBlock({ root: '/var/www/wujin/current', tiles: false });
    expect(file.startsWith('/*\n')).toBe(true);
    const locations = nginx.split(/\n {4}location /u).slice(1);
    // /_astro/, /, /embed/, the old poster addresses, /404.html.
    expect(locations).toHaveLength(5);
    const embeds = locations.filter((l) => l.startsWith('/embed/ '));
    const others = locations.filter((l) => !l.startsWith('/embed/ '));
    expect(embeds).toHaveLength(1);
    for (const [name, value] of securityHeaders({ tiles: false })) {
      expect(file).toContain(`  ${name}: ${value}`);
      // nginx drops inherited add_header lines in a location that sets its own: each repeats them.
      for (const block of others) expect(block).toContain(`add_header ${name} "${value}" always;`);
    }
    // The embeds: framed by any site, the rest of the policy the same, no X-Frame-Options.
    for (const [name, value] of securityHeaders({ tiles: false, embed: true })) expect(embeds[0]).toContain(`add_header ${name} "${value}" always;`);
    expect(embeds[0]).toContain('frame-ancestors *');
    expect(embeds[0]).not.toContain('X-Frame-Options');
    expect(file).toContain('/embed/*\n  ! Content-Security-Policy\n  ! X-Frame-Options\n  Content-Security-Policy: ');
    // Even with 天地图 tiles configured, an embed loads nothing from outside.
    expect(securityHeaders({ tiles: true, embed: true })[0]![1]).not.toContain('tianditu');
    expect(file).toContain('Permissions-Policy: geolocation=(self)');
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
  });
});

describe('untrusted text', () => {
  it('removes bidi controls, zero-width and control characters, keeps line breaks', () => {
    expect(cleanText('汽车\u202Egnp.exe')).toBe('汽车gnp.exe');
    expect(cleanText('a\u2066b\u2069c\u200Bd\uFEFFe\u0007f')).toBe('abcdef');
    expect(cleanText('第一行\n第二行')).toBe('第一行\n第二行');
    expect(hasInvisible('x\u202Ey')).toBe(true);
    expect(hasInvisible('正常文字')).toBe(false);
  });

  it('escapes HTML', () => {
    expect(escapeHtml('<img src=x onerror="a(\'1\')">&')).toBe('&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('neutralises spreadsheet formulas as OWASP recommends, and leaves numbers alone', () => {
    for (const bad of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("https://e.example","点")']) expect(csvSafe(bad)).toBe(`'${bad}`);
    expect(csvSafe('-3.5')).toBe('-3.5');
    expect(csvSafe(-3.5)).toBe(-3.5);
    expect(csvSafe('南京车展')).toBe('南京车展');
  });

  it('accepts only https links (http where allowed)', () => {
    expect(isSafeUrl('https://www.gov.cn/')).toBe(true);
    expect(isSafeUrl('http://www.gov.cn/')).toBe(false);
    expect(isSafeUrl('http://www.gov.cn/', { allowHttp: true })).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      '//evil.example/',
      '/relative',
    ]) {
      expect(isSafeUrl(bad, { allowHttp: true }), bad).toBe(false);
    }
  });

  it('schemas refuse javascript: links and clean, limit and flatten text', () => {
    expect(safeUrl().safeParse('javascript:alert(1)').success).toBe(false);
    expect(safeUrl().safeParse('https://www.mofcom.gov.cn/').success).toBe(true);
    const title = textField(10, { min: 2 });
    expect(title.parse('车展\u202E进社区')).toBe('车展进社区');
    expect(title.parse('车展\r\n进社区')).toBe('车展 进社区');
    const long = title.safeParse('一二三四五六七八九十十一');
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe('最多 10 个字，现在有 12 个字，请删减');
    expect(textField(50, { multiline: true }).parse('第一行\n第二行')).toBe('第一行\n第二行');
    expect(z.array(title).safeParse(['\u202E\u202E']).success).toBe(false);
  });
});

describe('the server configuration shipped for operators', () => {
  it("deploy/nginx.conf is what npm run deploy-config writes from the site's rules", async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync('deploy/nginx.conf', 'utf8')).toBe(nginxServerBlock({ root: '/var/www/wujin/current', tiles: false }));
    expect(readFileSync('README.md', 'utf8')).toContain('deploy/nginx.conf');
  });
});
