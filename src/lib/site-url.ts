/** The address a build writes into every link, feed and data file. Pure. */

/** What a local build (npm start, npm test) uses when no SITE_URL is set. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/**
 * Checks the SITE_URL given for a build. A release build needs a real https address; a local
 * build may leave it out and gets localhost. Returns the address or a message for the operator.
 */
export function resolveSiteUrl(value: string | undefined, release: boolean): { site: string; explicit: boolean } | { error: string } {
  const given = value?.trim() || undefined;
  if (!given) {
    return release
      ? { error: '正式构建（npm run release）必须设置网站的正式网址，例如：SITE_URL=https://example.gov.cn npm run release' }
      : { site: LOCAL_SITE_URL, explicit: false };
  }
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { error: `SITE_URL“${given}”不是完整的网址。应形如 https://example.gov.cn` };
  }
  if (release && url.protocol !== 'https:') return { error: `SITE_URL“${given}”不是 https 网址。正式网址应形如 https://example.gov.cn` };
  if (release && /^(localhost|127\.|0\.0\.0\.0|\[::1\])/u.test(url.host)) return { error: `SITE_URL“${given}”是本机地址，不能用于正式发布` };
  return { site: url.href, explicit: true };
}
