/** The address a build writes into every link, feed and data file. Pure. */

/** What a local build (npm start, npm test) uses when no SITE_URL is set. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/** True for a host that is this machine, or no machine: never a public site's address. */
function isLocalHost(hostname: string): boolean {
  const h = hostname
    .toLowerCase()
    .replace(/^\[|\]$/gu, '')
    .replace(/\.$/u, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^(127|0)\.\d+\.\d+\.\d+$/u.test(h) || h === '0.0.0.0') return true;
  // IPv6: loopback, unspecified, and IPv4-mapped loopback (the URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1).
  if (h === '::1' || h === '::' || /^::ffff:(7f[0-9a-f]{2}|0{1,4}):/u.test(h) || /^::ffff:(127|0)\./u.test(h)) return true;
  return false;
}

/**
 * Checks the SITE_URL given for a build. A release build needs a public https address of the
 * form https://host[:port][/path/]: no user name or password (they would be printed into every
 * page, QR code and feed), no query or fragment, not this machine. A local build may leave it
 * out and gets localhost. Returns the address or a message for the operator.
 */
export function resolveSiteUrl(value: string | undefined, release: boolean): { site: string; explicit: boolean } | { error: string } {
  const given = value?.trim() || undefined;
  const shape = '应形如 https://example.gov.cn/ 或 https://example.gov.cn/wujin/';
  if (!given) {
    return release
      ? { error: '正式构建（npm run release）必须设置网站的正式网址，例如：SITE_URL=https://example.gov.cn npm run release' }
      : { site: LOCAL_SITE_URL, explicit: false };
  }
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { error: `SITE_URL“${given}”不是完整的网址。${shape}` };
  }
  if (url.protocol !== 'https:' && (release || url.protocol !== 'http:')) return { error: `SITE_URL“${given}”不是 https 网址。正式网址${shape}` };
  if (url.username || url.password) return { error: `SITE_URL 里不能有用户名或密码（它们会被写进每个页面、二维码和订阅）。正式网址${shape}` };
  if (url.search || url.hash || given.includes('?') || given.includes('#')) return { error: `SITE_URL“${given}”不能带“?”或“#”后面的部分。正式网址${shape}` };
  if (release && isLocalHost(url.hostname)) return { error: `SITE_URL“${given}”是本机地址，不能用于正式发布` };
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { site: url.href, explicit: true };
}

/** The site's address as Astro gives it (`Astro.site`, a route's `site`), or the local one. */
export function siteUrl(site: URL | undefined): URL {
  return site ?? new URL(LOCAL_SITE_URL);
}
