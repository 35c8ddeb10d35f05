/**
 * /build-info.json: the moment this build treated as "now" (SITE_NOW, or the day content last
 * changed), that day in Asia/Shanghai, and the content folder it was built from. Tests check it against the day they expect; operators
 * can see which day a deployed site describes.
 */
import { contentDir } from '../config/collections.ts';
import { getContentUpdated } from '../data/build-info.ts';
import { getReferenceNow } from '../data/build-info.ts';
import { shanghaiDate, toShanghaiText } from '../lib/dates.ts';

export function GET(): Response {
  const now = getReferenceNow();
  const body = { siteNow: toShanghaiText(now), day: shanghaiDate(now), content: contentDir(), contentUpdated: getContentUpdated() };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
