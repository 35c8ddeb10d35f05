/** RSS 2.0 feed of the policy pages' dated changes (更新记录), newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../../config/site.ts';
import { getExplainers } from '../../data/policies.ts';
import { getPolicyChanges } from '../../data/policy-changes.ts';
import { policyChangePath } from '../../lib/paths.ts';
import { feedDate, feedText } from '../../lib/rss/items.ts';
import { siteUrl } from '../../lib/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const titles = new Map((await getExplainers()).map((e) => [e.id, e.data.title]));
  return rss({
    title: `${SITE.name}：政策更新记录`,
    description: '政策解读页上的规定、数字和办理方式改了什么、为什么改。政策以发文机关官方发布为准。',
    site: siteUrl(site),
    customData: '<language>zh-cn</language>',
    items: (await getPolicyChanges()).map((c) => ({
      title: `${c.policies.map((p) => titles.get(p) ?? p).join('、')}：${c.date} 更新`,
      // Absolute, so the feed library keeps the #anchor as it is (it adds a slash to paths).
      link: new URL(policyChangePath(c.policies[0]!, c.id), siteUrl(site)).href,
      pubDate: feedDate(c.date),
      description: feedText(`${c.summary}为什么改：${c.reason}`),
      categories: ['政策'],
    })),
  });
};
