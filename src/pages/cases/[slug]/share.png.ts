/** Each case's share card (og:image), drawn at build time with resvg: no browser needed. */
import type { APIRoute } from 'astro';
import { SITE } from '../../../config/site.ts';
import { getCases, type SiteCase } from '../../../data/cases.ts';
import { getRegionLookup } from '../../../data/regions.ts';
import { shareCardSvg } from '../../../lib/cases/share-card.ts';
import { svgToPng } from '../../../lib/charts/png.ts';
import { EVENT_TYPE_LABELS } from '../../../lib/event-labels.ts';
import { formatDateZh } from '../../../lib/format.ts';

export async function getStaticPaths() {
  return (await getCases()).map((item) => ({ params: { slug: item.slug }, props: { item } }));
}

export const GET: APIRoute = async ({ props }) => {
  const c = (props as { item: SiteCase }).item;
  const region = await getRegionLookup();
  const place = [region(c.city).name, c.county ? region(c.county).name : '', '·', EVENT_TYPE_LABELS[c.type]].filter(Boolean).join(' ');
  const svg = shareCardSvg({ title: c.title, place, date: formatDateZh(c.published), demo: c.demo, siteName: SITE.name, kicker: '典型案例' });
  return new Response(svgToPng(svg, 1), { headers: { 'Content-Type': 'image/png' } });
};
