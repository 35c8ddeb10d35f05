/** The small map on an event page: one point on the offline background (or 天地图 with a key). */
import { h } from './dom.ts';
import { addBase, loadLeaflet } from './leaflet-loader.ts';

/** data-module="mini-map": one small map, drawn when it scrolls into view. */
export function initMiniMap(el: HTMLElement): void {
  {
    const io = new IntersectionObserver(async (entries) => {
      if (!entries.some((x) => x.isIntersecting)) return;
      io.disconnect();
      const L = await loadLeaflet();
      const lat = Number(el.dataset.lat);
      const lng = Number(el.dataset.lng);
      el.replaceChildren();
      const map = L.map(el, { scrollWheelZoom: false, minZoom: 5, maxZoom: 18, zoomControl: false }).setView([lat, lng], 13);
      addBase(L, map, el.dataset.tk ?? '', el.dataset.review ?? '');
      L.circleMarker([lat, lng], { radius: 9, color: '#b3221b', weight: 3, fillColor: '#ffffff', fillOpacity: 1 })
        .bindTooltip(h('span', {}, `${el.dataset.demo === '1' ? '【示例】' : ''}${el.dataset.label ?? ''}`), {
          permanent: true,
          direction: 'top',
          offset: [0, -8],
        })
        .addTo(map);
    });
    io.observe(el);
  }
}
