/**
 * 百度地图's web route URI needs a start point. With JavaScript, a tap on the 百度 link asks the
 * browser for the visitor's position and opens a route from there; the position goes only into
 * that link. Refused, unavailable or slow: the link's own target, the venue on the map.
 */
const ASK = { timeout: 10_000, maximumAge: 300_000 } satisfies PositionOptions;

/** data-module="baidu-route": the 百度地图 link on an event page. */
export function initBaiduRoute(link: HTMLElement): void {
  const status = document.querySelector<HTMLElement>('[data-directions-status]');
  if (!(link instanceof HTMLAnchorElement) || !status || !('geolocation' in navigator)) return;
  link.textContent = '百度地图导航到这里';
  link.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    status.textContent = '正在取得您的位置，用来在百度地图里规划路线……';
    navigator.geolocation.getCurrentPosition(
      (p) => {
        void import('../lib/directions.ts').then(({ baiduRouteLink }) => {
          const to = { lat: Number(link.dataset['lat']), lng: Number(link.dataset['lng']) };
          status.textContent = '正在打开百度地图……';
          location.assign(baiduRouteLink({ lat: p.coords.latitude, lng: p.coords.longitude }, to, link.dataset['name'] ?? ''));
        });
      },
      () => {
        status.textContent = '没有取得您的位置：百度地图将显示会场位置，在百度地图里点“到这去”。';
        location.assign(link.href);
      },
      ASK,
    );
  });
}
