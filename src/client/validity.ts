/**
 * Periods on policy pages, re-judged with the visitor's date (Asia/Shanghai): inline badges
 * (data-validity="inline") appear only when a rule is ending or has ended; table cells
 * (data-validity="table") always say where the rule stands; page notices
 * (data-validity-notice) say it in whole sentences.
 */
import { formatDateZh } from '../lib/format.ts';
import { shanghaiDate, validityLabel, validityNotice, validityState } from '../lib/validity.ts';

/** Updates every period on the page for `now` (the visitor's clock by default). */
export function initValidity(now: Date = new Date()): void {
  const today = shanghaiDate(now);
  for (const el of document.querySelectorAll<HTMLElement>('[data-validity]')) {
    const window = { from: el.dataset.from, to: el.dataset.to };
    const state = validityState(window, today);
    el.textContent = validityLabel(window, today);
    el.dataset.state = state;
    if (el.dataset.validity === 'inline') el.hidden = state !== 'ending' && state !== 'expired';
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-validity-notice]')) {
    const text = el.querySelector<HTMLElement>('[data-validity-text]');
    if (!text || !el.dataset.to) continue;
    const notice = validityNotice(el.dataset.to, today, el.dataset.subject);
    text.textContent = notice.text;
    el.dataset.state = notice.state;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-validity-basis]')) {
    el.textContent = `以上按您设备上的日期（${formatDateZh(today)}）判断。`;
  }
}
