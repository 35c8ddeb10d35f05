/** Small formatting helpers shared by pages. Pure. */

/** 1234567 -> "1,234,567" (grouping the way Chinese official documents print numbers). */
export function formatInteger(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

/** "2026-11-26" -> "2026年11月26日". */
export function formatDateZh(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
