/**
 * Runs before a release build (npm run release): stops with a clear message when SITE_URL is
 * missing or not a public https address, so a published site never carries localhost links.
 */
import { resolveSiteUrl } from '../src/lib/site-url.ts';

const result = resolveSiteUrl(process.env.SITE_URL, true);
if ('error' in result) {
  console.error(result.error);
  process.exit(1);
}
console.log(`正式构建，网站地址：${result.site}`);
