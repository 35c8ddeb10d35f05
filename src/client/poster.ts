/**
 * An event page as its A4 poster (/events/<id>/?poster): the same layout as the calculator's
 * poster page (PosterPage.astro, styled by poster.css), built from what the event page already
 * says — its title, the facts marked data-poster, and its address for the QR code. Text is set
 * as text (./dom.ts); the rest of the page is hidden while the poster is shown, so printing the
 * page prints the poster on one A4 sheet.
 */
import { h } from './dom.ts';
import { displayTitle } from '../lib/events/events.ts';
import { qrPath } from '../lib/qr.ts';
import { POSTER_MAX_BRANDS, POSTER_MAX_ORGANISERS, POSTER_TEXT, posterList } from '../lib/poster.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The QR code of `url` as an SVG with a quiet zone of four modules (as QrCode.astro draws it). */
function qrSvg(url: string): SVGSVGElement {
  const { size, d } = qrPath(url);
  const box = String(size + 8);
  const svg = document.createElementNS(SVG, 'svg');
  const attrs = { class: 'poster__qr-code', viewBox: `-4 -4 ${box} ${box}`, role: 'img', 'aria-label': `二维码：${url}`, 'shape-rendering': 'crispEdges' };
  for (const [k, v] of Object.entries(attrs)) svg.setAttribute(k, v);
  const rect = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ x: '-4', y: '-4', width: box, height: box, fill: '#fff' })) rect.setAttribute(k, v);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(rect, path);
  return svg;
}

export function showPoster(facts: HTMLElement): void {
  const container = facts.closest('.container');
  const url = facts.dataset['url'];
  if (!container || !url) return;
  const field = (name: string) => document.querySelector<HTMLElement>(`[data-poster="${name}"]`);
  const text = (name: string) => field(name)?.textContent?.trim() ?? '';
  const items = (name: string) =>
    text(name)
      .split('、')
      .map((s) => s.trim())
      .filter(Boolean);
  const demo = facts.hasAttribute('data-demo');
  const title = text('title');

  const rows: Node[] = [];
  const row = (label: string, ...value: (Node | string)[]) => rows.push(h('dt', {}, label), h('dd', {}, ...value));
  const status = field('time')?.dataset['posterStatus'];
  row('时间', text('time') + (status ? `（${status}）` : ''));
  // The venue and, on its own line, the address (the page greys the address; the poster does not).
  const place = [...(field('place')?.childNodes ?? [])].map((n) => n.cloneNode(true));
  for (const n of place) if (n instanceof Element) n.removeAttribute('class');
  row('地点', ...place);
  row('类型', text('type'));
  const services = items('services');
  if (services.length > 0) row('现场服务', h('ul', { class: 'poster__chips' }, ...services.map((s) => h('li', {}, s))));
  const brands = items('brands');
  if (brands.length > 0) row('参展品牌', posterList(brands, POSTER_MAX_BRANDS));
  row('主办', posterList(items('organisers'), POSTER_MAX_ORGANISERS));

  // tel: is not one of dom.ts's link kinds (paths and https); this one is fixed text.
  const tel = h('a', {}, '12345');
  tel.href = 'tel:12345';
  const print = h('button', { class: 'button' }, POSTER_TEXT.print);
  print.type = 'button';
  print.addEventListener('click', () => window.print());
  const actions = h(
    'p',
    { class: 'poster-actions no-print' },
    h('a', { href: location.pathname }, '返回活动页'),
    print,
    h('span', { class: 'small muted' }, POSTER_TEXT.hint),
  );
  const poster = h(
    'article',
    { class: 'poster' },
    h(
      'header',
      { class: 'poster__head' },
      h('p', { class: 'poster__brand' }, POSTER_TEXT.brand),
      demo && h('p', { class: 'poster__demo' }, POSTER_TEXT.demo),
      h('h1', { class: 'poster__title' }, title),
    ),
    h('div', { class: 'poster__body' }, h('dl', {}, ...rows)),
    h(
      'footer',
      { class: 'poster__foot' },
      h(
        'div',
        { class: 'poster__qr' },
        qrSvg(url),
        h('div', {}, h('p', { class: 'poster__qr-text' }, POSTER_TEXT.eventQr), h('p', { class: 'poster__url' }, url)),
      ),
      h('p', { class: 'poster__note' }, POSTER_TEXT.note[0], tel, POSTER_TEXT.note[1]),
    ),
  );
  container.prepend(actions, poster);
  document.documentElement.setAttribute('data-poster-view', '');
  document.title = `海报：${displayTitle({ title, demo })}`;
}
