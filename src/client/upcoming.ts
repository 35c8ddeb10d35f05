/**
 * "即将举办" lists are built ahead of time; by the visitor's clock some of their events may have
 * ended. Each list marked data-upcoming drops those cards, updates its count
 * (data-upcoming-count: the number alone) and says, in a sentence, how many ended since the page
 * was made. This is the one routine for every such list (home, /events/, city and county pages).
 * Where a list shows only its first cards (/events/ shows 60, soonest first), the count drops by
 * the ended cards shown: the later ones start after them.
 */
import { h } from './dom.ts';

/** data-module="upcoming": re-splits one upcoming list for `now`; returns how many cards were removed. */
export function resplitUpcoming(list: HTMLElement, now: number = Date.now()): number {
  let removed = 0;
  {
    const cards = [...list.querySelectorAll<HTMLElement>('.event-card[data-end]')];
    const ended = cards.filter((c) => Date.parse(c.dataset.end ?? '') < now);
    if (ended.length === 0) return 0;
    for (const card of ended) card.hidden = true;
    removed += ended.length;
    const count = list.querySelector<HTMLElement>('[data-upcoming-count]');
    if (count) count.textContent = String(Math.max(0, Number(count.textContent) - ended.length));
    const left = cards.length - ended.length;
    list.append(
      h('p', { class: 'small muted' }, `本页生成后又有${ended.length}场活动已经结束，已从这里移除${left === 0 ? '；暂时没有其他即将举办的活动' : ''}。`),
    );
  }
  return removed;
}
