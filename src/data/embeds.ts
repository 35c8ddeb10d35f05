/** The embeds media may frame (/embed/…), with their sizes and copyable <iframe> snippets. */
import { getCharts } from './progress.ts';
import { getCities } from './regions.ts';

/** Widest an embed is meant to be shown; it follows the page's width below that. */
export const EMBED_WIDTH = 720;
/** Height of a city's map embed: the map and the start of its list (the list scrolls inside). */
export const MAP_HEIGHT = 640;

export interface Embed {
  path: string;
  title: string;
  height: number;
  snippet: string;
}

/** Every embed: the plan page's charts, each city's map, and each city's progress chart. */
export async function getEmbeds(site: URL | string): Promise<{ charts: Embed[]; maps: Embed[]; cityCharts: Embed[] }> {
  const abs = (path: string) => new URL(path, site).href;
  const make = (path: string, title: string, height: number): Embed => ({
    path,
    title,
    height,
    snippet: `<iframe src="${abs(path)}" title="${title.replace(/"/gu, '&quot;')}" width="100%" height="${height}" style="border:0;max-width:${EMBED_WIDTH}px" loading="lazy"></iframe>`,
  });
  // The chart's phone layout, plus its heading, the 查看数据 button and the source lines.
  const chart = (spec: { id: string; title: string; narrow: { height: number } }) =>
    make(`/embed/charts/${spec.id}/`, spec.title, Math.ceil(spec.narrow.height / 10) * 10 + 240);
  const { page, cities } = await getCharts();
  return {
    charts: page.map(chart),
    maps: (await getCities()).map((c) => make(`/embed/map/${c.id}/`, `${c.name}“五进”活动地图`, MAP_HEIGHT)),
    cityCharts: [...cities.values()].map(chart),
  };
}
