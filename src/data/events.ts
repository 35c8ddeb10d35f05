/**
 * Events from the content layer. SITE_DEMO=0 at build time removes every demonstration
 * event from every page, feed and data file: this is the one switch.
 */
import { getCollection } from 'astro:content';
import { byStart, type EventItem } from '../lib/events/events.ts';
import { toId } from '../schemas/common.ts';
import { eventIdProblem } from '../lib/event-ids.ts';
import { contentPath } from '../config/collections.ts';

let cache: Promise<EventItem[]> | undefined;

/** True unless the build was started with SITE_DEMO=0. */
export const demoEnabled = (): boolean => process.env.SITE_DEMO !== '0';

/** Every published event, chronological. Read and checked once per build. */
export function getEvents(): Promise<EventItem[]> {
  cache ??= loadEvents();
  return cache;
}

async function loadEvents(): Promise<EventItem[]> {
  const events = (await getCollection('events'))
    .map(({ id, data }) => ({
      ...data,
      id: id.split('/').at(-1)!,
      city: toId(data.city),
      county: data.county === undefined ? undefined : toId(data.county),
      policies: data.policies.map(toId),
    }))
    .filter((e) => demoEnabled() || !e.demo)
    .sort(byStart);
  const ids = new Set<string>();
  for (const e of events) {
    if (ids.has(e.id)) throw new Error(`活动编号 ${e.id} 重复：${contentPath('events/')} 中有两个同名文件`);
    // A file named 2026-12.yaml or index.yaml would take a page's address and vanish.
    const problem = eventIdProblem(e.id);
    if (problem) throw new Error(`${contentPath('events/')} 中的 ${e.id}.yaml：${problem}。请给文件改名。`);
    ids.add(e.id);
  }
  return events;
}
