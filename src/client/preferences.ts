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

/** The header buttons (适老模式, 朗读本页); part of data-module="site-header". */
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
  // Once the header is out of sight, the same controls wait at the foot of the screen:
  // 从这里朗读 starts with the paragraph on screen, and pause and stop stay within reach.
  const button = (text: string) => Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: text });
  const here = button('从这里朗读');
  const dockStop = button('停止朗读');
  dockStop.hidden = true;
  const dock = Object.assign(document.createElement('div'), { className: 'read-dock', hidden: true });
  dock.setAttribute('role', 'group');
  dock.setAttribute('aria-label', '朗读');
  dock.append(here, dockStop);
  // Not over the map page's map, whose corner carries the 审图号 (its header button still reads).
  if (!main.querySelector('[data-event-map]')) {
    document.body.append(dock);
    document.documentElement.classList.add('has-read-dock');
  }
  const header = document.querySelector('.site-header');
  if (header)
    new IntersectionObserver(([e]) => {
      dock.hidden = Boolean(e?.isIntersecting);
    }).observe(header);
  // idle -> reading -> paused -> reading …; 停止朗读 ends it from either.
  let state: 'idle' | 'reading' | 'paused' = 'idle';
  const show = (next: typeof state) => {
    state = next;
    read.textContent = next === 'idle' ? '朗读本页' : next === 'reading' ? '暂停朗读' : '继续朗读';
    here.textContent = next === 'idle' ? '从这里朗读' : read.textContent;
    for (const b of [read, here]) {
      if (next === 'idle') b.removeAttribute('aria-pressed');
      else b.setAttribute('aria-pressed', String(next === 'reading'));
    }
    stop.hidden = next === 'idle';
    dockStop.hidden = next === 'idle';
  };
  const end = (focus: HTMLElement) => {
    synth.cancel();
    show('idle');
    focus.focus();
  };
  stop.addEventListener('click', () => end(read));
  dockStop.addEventListener('click', () => end(here));
  /** Reads on from the first block the reader is at: the address's #section, or what is on screen. */
  const start = (fromHash: boolean) => {
    synth.cancel();
    const blocks = readable(main);
    const target = fromHash && location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const atTarget = target
      ? blocks.findIndex((b) => target === b.el || target.contains(b.el) || Boolean(target.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING))
      : -1;
    // The header's button: the first block that starts on screen (at the top of the page, all).
    // The dock's: the block being read on screen, even if it began above.
    const onScreen = blocks.findIndex((b) => (fromHash ? b.el.getBoundingClientRect().top >= 0 : b.el.getBoundingClientRect().bottom > 0));
    const rest = blocks.slice(Math.max(0, atTarget >= 0 ? atTarget : onScreen));
    rest.forEach((b, i) => {
      const u = new SpeechSynthesisUtterance(b.text);
      u.lang = 'zh-CN';
      if (i === rest.length - 1) u.onend = () => show('idle');
      synth.speak(u);
    });
    show('reading');
  };
  const toggle = (fromHash: boolean) => {
    if (state === 'reading') {
      synth.pause();
      show('paused');
      return;
    }
    if (state === 'paused') {
      synth.resume();
      show('reading');
      return;
    }
    start(fromHash);
  };
  read.addEventListener('click', () => toggle(true));
  here.addEventListener('click', () => toggle(false));
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

/** data-module="site-header": the header's preferences and its phone menu. */
export function initHeader(): void {
  initPreferences();
  initMenu();
}
