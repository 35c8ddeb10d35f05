/**
 * The one way browser code puts content on the page: DOM nodes whose text is set as text, never
 * parsed as HTML. Leaflet's bindPopup/bindTooltip and any list rendering take these nodes, so a
 * venue name such as `<img src=x onerror=…>` shows as those characters and nothing runs.
 */

type Child = Node | string | null | undefined | false;

/** Attributes that may be set; links only to this site or to https addresses. */
interface Props {
  class?: string;
  href?: string;
  lang?: string;
}

/** True for a link this site may put in an href: a path on this site, or an https address. */
export function isSafeHref(href: string): boolean {
  if (/^\/(?!\/)/u.test(href)) return true;
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Makes an element with text children. Strings become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.lang) el.lang = props.lang;
  if (props.href !== undefined && el instanceof HTMLAnchorElement) {
    if (isSafeHref(props.href)) el.href = props.href;
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}
