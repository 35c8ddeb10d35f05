/** RSS 2.0 feed of the showcase cases. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../../config/site.ts';
import { getCaseUpdates } from '../../data/updates.ts';
import { feedDate, feedText } from '../../lib/rss/items.ts';
import { siteUrl } from '../../lib/site-url.ts';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: `${SITE.name}：典型案例`,
    description: '江苏各地汽车促消费“五进”活动的典型案例。',
    site: siteUrl(site),
    customData: '<language>zh-cn</language>',
    items: (await getCaseUpdates()).map((u) => ({
      title: u.title,
      link: u.path,
      pubDate: feedDate(u.date),
      description: feedText(u.description),
      categories: [u.category],
    })),
  });
