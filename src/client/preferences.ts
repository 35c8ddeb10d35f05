/**
 * 适老化 mode (remembered across pages) and 朗读 (the browser's own speech synthesis).
 * Both controls are rendered hidden and only revealed here, so a page without JavaScript, or a
 * browser without speech synthesis, never shows a button that does nothing.
 */
import { readableBlocks } from './read-aloud.ts';

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
  const main = document.querySelector<HTMLElement>('main');
  if (!read || !main || !('speechSynthesis' in window)) return;
  read.hidden = false;
  const synth = window.speechSynthesis;
  const reset = () => { read.textContent = '朗读本页'; read.removeAttribute('aria-pressed'); };
  read.addEventListener('click', () => {
    if (synth.speaking) { synth.cancel(); reset(); return; }
    const blocks = readableBlocks(main);
    blocks.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = 'zh-CN';
      if (i === blocks.length - 1) u.onend = reset;
      synth.speak(u);
    });
    read.textContent = '停止朗读';
    read.setAttribute('aria-pressed', 'true');
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
