/**
 * Periods on policy pages, re-judged with the visitor's date (Asia/Shanghai): table cells
 * (data-validity="table") say where each rule stands; programme notices (data-validity-notice)
 * say it in whole sentences, with the parts that only matter near or after the end
 * (data-validity-late) shown then.
 */
import { formatDateZh } from '../lib/format.ts';
import { h } from './dom.ts';
import { programmeNotice, shanghaiDate, validityLabel, validityState } from '../lib/validity.ts';

/**
 * data-module="validity": one period (a table cell, data-validity), one programme notice
 * (data-validity-notice) or one "judged on" line (data-validity-basis), for `now` (the
 * visitor's clock by default).
 */
export function initValidity(el: HTMLElement, now: Date = new Date()): void {
  const today = shanghaiDate(now);
  if (el.hasAttribute('data-validity')) {
    const window = { from: el.dataset.from, to: el.dataset.to };
    el.textContent = validityLabel(window, today);
    el.dataset.state = validityState(window, today);
  }
  if (el.hasAttribute('data-validity-notice')) {
    const text = el.querySelector<HTMLElement>('[data-validity-text]');
    const { to, subject, applyBy, nextFrom } = el.dataset;
    if (!text || !to || !subject) return;
    const notice = programmeNotice({ subject, to, nextFrom, application: el.hasAttribute('data-apply') ? { by: applyBy } : undefined }, today);
    text.replaceChildren(h('strong', {}, notice.parts[0] ?? ''), notice.parts.slice(1).join(''));
    el.dataset.state = notice.state;
    for (const late of el.querySelectorAll<HTMLElement>('[data-validity-late]')) late.hidden = notice.state !== 'ending' && notice.state !== 'expired';
  }
  if (el.hasAttribute('data-validity-basis')) {
    el.textContent = `以上按您设备上的日期（${formatDateZh(today)}）判断。`;
  }
}
