/** Notices from the content layer. The newest year is the current campaign. */
import { getCollection } from 'astro:content';
import { findNoticeProblems, type NoticeData } from '../lib/notice.ts';
import { contentPath } from '../config/collections.ts';

let cache: (NoticeData & { id: string })[] | undefined;

/** Every notice, newest year first; a notice whose targets are not in its text fails the build. */
export async function getNotices(): Promise<(NoticeData & { id: string })[]> {
  if (!cache) {
    const entries = await getCollection('notice');
    cache = entries.map((e) => ({ id: e.id, ...e.data })).sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
    for (const n of cache) {
      const problems = findNoticeProblems(n);
      if (problems.length) throw new Error(`通知 ${contentPath(`notice/${n.id}.yaml`)}：\n  - ${problems.join('\n  - ')}`);
    }
  }
  return cache;
}

/** The notice of the current (newest) campaign year. */
export async function getCurrentNotice(): Promise<NoticeData & { id: string }> {
  const [current] = await getNotices();
  if (!current) throw new Error(`${contentPath('notice/')} 里没有通知`);
  return current;
}
