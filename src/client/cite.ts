/**
 * The citation box: writes the reader's own date (Beijing time) into the citation and copies it
 * with one click. The button stays hidden where the clipboard cannot be used.
 */
import { beijingDate, citeOnlineResource } from '../lib/cases/cite.ts';

/** data-module="cite": one citation box. */
export function initCite(box: HTMLElement): void {
  {
    const text = box.querySelector<HTMLElement>('[data-cite-text]');
    const button = box.querySelector<HTMLButtonElement>('[data-cite-copy]');
    const status = box.querySelector<HTMLElement>('[data-cite-status]');
    const { author, title, date, url } = box.dataset;
    if (!text || !author || !title || !date || !url) return;
    text.textContent = citeOnlineResource({ author, title, date, url, cited: beijingDate(new Date()) });
    if (!button || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(text.textContent ?? '').then(
        () => {
          if (status) status.textContent = '已复制。';
        },
        () => {
          if (status) status.textContent = '无法自动复制，请选中上面的文字后复制。';
        },
      );
    });
  }
}
