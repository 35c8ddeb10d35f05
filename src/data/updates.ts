/** Everything the feeds list: cases, events and policy changes as plain update items. */
import { getCollection } from 'astro:content';
import { caseTitle, lastChanged } from '../lib/cases/cases.ts';
import { EVENT_TYPE_LABELS } from '../lib/event-labels.ts';
import { displayTitle, formatEventTime } from '../lib/events/events.ts';
import type { UpdateItem } from '../lib/rss/items.ts';
import { getCases } from './cases.ts';
import { getEvents } from './events.ts';
import { fileDate } from './file-dates.ts';
import { getExplainers, getProgrammeStatus } from './policies.ts';
import { getRegionLookup } from './regions.ts';
import { casePath, cityPath, eventPath, policyChangePath } from '../lib/paths.ts';
import { getPolicyChanges } from './policy-changes.ts';

/** Cases, newest first. */
export async function getCaseUpdates(): Promise<UpdateItem[]> {
  const region = await getRegionLookup();
  return (await getCases()).map((c) => ({
    title: caseTitle(c),
    path: casePath(c.slug),
    date: lastChanged(c),
    description: `${region(c.city).name}${c.county ? region(c.county).name : ''} · ${EVENT_TYPE_LABELS[c.type]}。${c.summary}`,
    category: '案例' as const,
  }));
}

/** Events, dated by when their file last changed (when they were published or updated). */
export async function getEventUpdates(): Promise<UpdateItem[]> {
  const region = await getRegionLookup();
  const files = new Map((await getCollection('events')).map((e) => [e.id.split('/').at(-1)!, e.filePath]));
  return (await getEvents()).map((e) => ({
    title: displayTitle(e),
    path: eventPath(e.id),
    date: fileDate(files.get(e.id) ?? ''),
    description: `活动时间：${formatEventTime(e)}；地点：${region(e.city).name}${e.county ? region(e.county).name : ''} ${e.venue.name}。`,
    category: '活动' as const,
  }));
}

/** Dated changes to the policy pages (更新记录) and subsidy status changes. */
export async function getPolicyUpdates(): Promise<UpdateItem[]> {
  const region = await getRegionLookup();
  const labels = { scrap: '报废更新补贴', replace: '置换更新补贴', 'loan-subsidy': '消费贷款财政贴息' } as const;
  const states = { open: '受理中', paused: '暂停受理', full: '额度已满', unknown: '未知' } as const;
  const titles = new Map((await getExplainers()).map((e) => [e.id, e.data.title]));
  const changes = (await getPolicyChanges()).map((c) => ({
    title: `政策解读更新：${c.policies.map((p) => titles.get(p) ?? p).join('、')}`,
    path: policyChangePath(c.policies[0]!, c.id),
    date: c.date,
    description: `${c.summary}${c.reason}`,
    category: '政策' as const,
  }));
  const status = (await getProgrammeStatus())
    .filter((s) => s.status !== 'unknown' && s.checked)
    .map((s) => ({
      title: `补贴受理情况：${region(s.city).name}${labels[s.programme]}${states[s.status]}`,
      path: cityPath(s.city),
      date: s.checked!,
      description: `${region(s.city).name}${labels[s.programme]}：${states[s.status]}${s.source ? `（依据：${s.source.issuer}《${s.source.title}》）` : ''}。`,
      category: '政策' as const,
    }));
  return [...changes, ...status];
}
