/**
 * The words every A4 poster prints, in one place: the calculator's poster page
 * (src/components/posters/PosterPage.astro) and an event page shown as its poster
 * (src/client/poster.ts) say the same things. Pure.
 */
export const POSTER_TEXT = {
  brand: '江苏汽车促消费“五进”活动',
  demo: '示例 · 演示数据，不是真实活动，请勿前往',
  print: '打印海报',
  hint: '用 A4 纸打印；手机上可用浏览器菜单里的“打印”或“分享 → 打印”。',
  /** What an event's QR code opens. */
  eventQr: '扫码查看详情、地图和最新安排',
  /** Before and after the 12345 link. */
  note: ['补贴政策以官方发布为准；申请补贴不收任何费用。咨询请拨打 ', ' 政务服务便民热线。'],
} as const;

/** What an event's poster says after its time when it is not going ahead as planned. */
export const POSTER_STATUS: Partial<Record<'planned' | 'confirmed' | 'postponed' | 'cancelled' | 'held', string>> = {
  cancelled: '已取消',
  postponed: '延期',
  held: '已举办',
};

/** Long lists are cut so an event's poster stays one page; the event page has them all. */
export const POSTER_MAX_BRANDS = 12;
export const POSTER_MAX_ORGANISERS = 4;

/** The first `max` items joined with 、, and 等 when some were left out. */
export function posterList(items: readonly string[], max: number): string {
  return items.slice(0, max).join('、') + (items.length > max ? ' 等' : '');
}
