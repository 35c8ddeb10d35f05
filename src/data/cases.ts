/**
 * Showcase cases from the content layer. SITE_DEMO=0 removes every demonstration case, as it
 * does for events. Entries are kept beside the plain data so pages can render the MDX story.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { byPublishedDesc, findSlugProblems, type CaseItem } from '../lib/cases/cases.ts';
import { caseImageProblem, RESERVED_CASE_SLUGS } from '../schemas/case.ts';
import { toId } from '../schemas/common.ts';
import { demoEnabled, getEvents } from './events.ts';
import { contentPath } from '../config/collections.ts';

/** A case as pages use it: plain data plus the collection entry (for its story). */
export type SiteCase = CaseItem<ImageMetadata> & { entry: CollectionEntry<'cases'> };

let cache: SiteCase[] | undefined;

/** Every published case, newest first. */
export async function getCases(): Promise<SiteCase[]> {
  if (cache) return cache;
  // Every event file, demo or not, so a typo fails the build whatever SITE_DEMO says.
  const known = new Set((await getCollection('events')).map((e) => e.id.split('/').at(-1)!));
  const published = new Set((await getEvents()).map((e) => e.id));
  const problems: string[] = [];
  const all = (await getCollection('cases'))
    .filter((entry) => demoEnabled() || !entry.data.demo)
    .map((entry): SiteCase => {
      const d = entry.data;
      return {
        ...d,
        slug: entry.id.split('/').at(-1)!,
        city: toId(d.city),
        county: d.county === undefined ? undefined : toId(d.county),
        // A related event removed by the demo switch is simply not linked. A real case naming an
        // unknown event fails the build (a typo); a demo case does not (the demo events may have
        // been deleted once real ones arrived, as the README allows).
        events: d.events.filter((id) => {
          if (!known.has(id) && !d.demo) problems.push(`${entry.filePath ?? entry.id}：相关活动“${id}”不存在，请写活动文件名（不带 .yaml）`);
          return published.has(id);
        }),
        images: d.images.map((i, n) => {
          const src = i.src as ImageMetadata;
          // Measured by Astro: SVG (which can carry script) and oversized pictures are refused.
          const problem = caseImageProblem(src);
          if (problem) problems.push(`${entry.filePath ?? entry.id}：字段 images 第${n + 1}张：${problem}`);
          return { ...i, src };
        }),
        entry,
      };
    })
    .sort(byPublishedDesc);
  problems.push(
    ...findSlugProblems(
      all.map((c) => c.slug),
      RESERVED_CASE_SLUGS,
    ),
  );
  if (problems.length) throw new Error(`${contentPath('cases/')}：\n  - ${problems.join('\n  - ')}`);
  cache = all;
  return cache;
}
