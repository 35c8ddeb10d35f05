/**
 * 适老化 mode (remembered across pages) and 朗读 (the browser's own speech synthesis).
 * Both controls are rendered hidden and only revealed here, so a page without JavaScript, or a
 * browser without speech synthesis, never shows a button that does nothing.
 */
import { readable } from './read-aloud.ts';

const KEY = 'wujin-elder';

/** The toggle says its state in words (：开 / ：关), not only by colour. */
function showElder(on: boolean, button: HTMLElement): void {
  button.setAttribute('aria-pressed', String(on));
  const state = button.querySelector('[data-elder-state]');
  if (state) state.textContent = on ? '：开' : '：关';
}

function setElder(on: boolean, button: HTMLElement): void {
  document.documentElement.toggleAttribute('data-elder', on);
  showElder(on, button);
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    /* Private mode: the setting lasts for this page only. */
  }
}


/** Wires the header buttons. Safe to call once per page. */
export function initPreferences(): void {
  const elder = document.querySelector<HTMLButtonElement>('[data-elder-toggle]');
  if (elder) {
    elder.hidden = false;
    showElder(document.documentElement.hasAttribute('data-elder'), elder);
    elder.addEventListener('click', () => setElder(elder.getAttribute('aria-pressed') !== 'true', elder));
  }

  const read = document.querySelector<HTMLButtonElement>('[data-read-aloud]');
  const stop = document.querySelector<HTMLButtonElement>('[data-read-stop]');
  const main = document.querySelector<HTMLElement>('main');
  if (!read || !stop || !main || !('speechSynthesis' in window)) return;
  read.hidden = false;
  const synth = window.speechSynthesis;
  // idle -> reading -> paused -> reading …; 停止朗读 ends it from either.
  let state: 'idle' | 'reading' | 'paused' = 'idle';
  const show = (next: typeof state) => {
    state = next;
    read.textContent = next === 'idle' ? '朗读本页' : next === 'reading' ? '暂停朗读' : '继续朗读';
    if (next === 'idle') read.removeAttribute('aria-pressed');
    else read.setAttribute('aria-pressed', String(next === 'reading'));
    stop.hidden = next === 'idle';
  };
  stop.addEventListener('click', () => { synth.cancel(); show('idle'); read.focus(); });
  read.addEventListener('click', () => {
    if (state === 'reading') { synth.pause(); show('paused'); return; }
    if (state === 'paused') { synth.resume(); show('reading'); return; }
    synth.cancel();
    // From the section the reader went to (the address's #section, e.g. from a search result or
    // a link), else from the first block that starts on screen (at the top of the page: all).
    const blocks = readable(main);
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const atTarget = target ? blocks.findIndex((b) => target === b.el || target.contains(b.el) || Boolean(target.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING)) : -1;
    const from = Math.max(0, atTarget >= 0 ? atTarget : blocks.findIndex((b) => b.el.getBoundingClientRect().top >= 0));
    const rest = blocks.slice(from);
    rest.forEach((b, i) => {
      const u = new SpeechSynthesisUtterance(b.text);
      u.lang = 'zh-CN';
      if (i === rest.length - 1) u.onend = () => show('idle');
      synth.speak(u);
    });
    show('reading');
  });
  window.addEventListener('pagehide', () => synth.cancel());
}

/**
 * The phone menu: without JavaScript 菜单 is a link to #site-menu (shown as its target); here it
 * becomes a button that opens and closes the menu, and Escape closes it.
 */
export function initMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
  const menu = document.querySelector<HTMLElement>('[data-site-menu]');
  if (!button || !menu) return;
  document.documentElement.classList.add('has-menu-button');
  button.hidden = false;
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('is-open', open);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      set(false);
      button.focus();
    }
  });
}
