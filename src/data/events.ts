/**
 * Events from the content layer. SITE_DEMO=0 at build time removes every demonstration
 * event from every page, feed and data file: this is the one switch.
 */
import { getCollection } from 'astro:content';
import { byStart, planProgress, type EventItem, type PlanMonthProgress } from '../lib/events.ts';
import { toId } from '../schemas/common.ts';
import { eventIdProblem } from '../lib/event-ids.ts';
import { getContentUpdated } from './build-info.ts';
import { getCurrentNotice } from './notice.ts';
import { getPlan } from './plan.ts';
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

/**
 * The moment static pages treat as "now" when splitting upcoming from past: SITE_NOW if set,
 * else the day content last changed (the site's one date stamp). Pages re-check with the
 * visitor's clock when JavaScript runs.
 */
export function getReferenceNow(): Date {
  const env = process.env.SITE_NOW;
  if (env && !Number.isNaN(Date.parse(env))) return new Date(env);
  const updated = getContentUpdated();
  return new Date(`${updated ?? '2026-01-01'}T00:00:00+08:00`);
}

const progressCache = new Map<string, PlanMonthProgress[]>();

/**
 * The current plan beside published events, month by month, for the province or one city.
 * Computed once per city per build: thousands of event pages each show their city's month.
 */
export async function getPlanProgress(city?: string): Promise<PlanMonthProgress[]> {
  const key = city ?? '';
  let progress = progressCache.get(key);
  if (!progress) {
    const plan = await getPlan((await getCurrentNotice()).year);
    progress = planProgress(plan, await getEvents(), city);
    progressCache.set(key, progress);
  }
  return progress;
}
