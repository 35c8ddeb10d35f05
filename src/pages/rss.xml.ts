/** RSS 2.0 feed of everything new on the site: events, cases and policy changes (newest 100). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../config/site.ts';
import { getCaseUpdates, getEventUpdates, getPolicyUpdates } from '../data/updates.ts';
import { feedDate, feedText, latestUpdates } from '../lib/rss/items.ts';
import { siteUrl } from '../lib/site-url.ts';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: `${SITE.name}：本站更新`,
    description: '新发布的活动、典型案例和政策变化。',
    site: siteUrl(site),
    customData: '<language>zh-cn</language>',
    items: latestUpdates([await getEventUpdates(), await getCaseUpdates(), await getPolicyUpdates()], 100).map((u) => ({
      title: u.title,
      // Absolute, so the feed library keeps a #anchor as it is (it adds a slash to paths).
      link: new URL(u.path, siteUrl(site)).href,
      pubDate: feedDate(u.date),
      description: feedText(u.description),
      categories: [u.category],
    })),
  });
