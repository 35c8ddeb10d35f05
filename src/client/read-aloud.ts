/**
 * What 朗读本页 reads: the main text once, in order. Each block (heading, paragraph, list item,
 * caption …) is read for its own words only — a list item does not repeat the nested list read
 * after it — and nothing a sighted reader does not see as text is read: hidden elements,
 * visually-hidden notes, footnote numbers, badges marked for skipping, tables' cells, scripts.
 */

const BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'CAPTION', 'DT', 'DD', 'FIGCAPTION', 'BLOCKQUOTE', 'SUMMARY']);
const SKIP = 'script, style, noscript, template, [hidden], [aria-hidden="true"], .visually-hidden, sup.fn, [data-speak-skip], td, th, form, .leaflet-container';

function isShown(el: Element): boolean {
  if (el.closest(SKIP)) return false;
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden';
}

/** The words of a block, leaving out nested blocks (read on their own) and skipped parts. */
function ownText(block: Element): string {
  let text = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
      else if (child instanceof Element && !BLOCKS.has(child.tagName) && !child.matches(SKIP) && isShown(child)) walk(child);
    }
  };
  walk(block);
  return text.replace(/\s+/gu, ' ').trim();
}

/** The blocks of text under `root`, in document order, each once, with their elements (reading starts where the reader is). */
export function readable(root: Element): { el: Element; text: string }[] {
  const blocks: { el: Element; text: string }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (!BLOCKS.has(el.tagName) || !isShown(el)) continue;
    // Closed <details>: only its summary is on screen.
    const details = el.closest('details');
    if (details && !details.open && el.tagName !== 'SUMMARY') continue;
    const text = ownText(el);
    if (text) blocks.push({ el, text });
  }
  return blocks;
}
