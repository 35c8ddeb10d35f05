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

/**
 * A venue's address with its place in front, said once: "苏州市昆山市前进中路1号" whether the
 * editor wrote "前进中路1号", "昆山市前进中路1号" or "苏州市昆山市前进中路1号" (never
 * "昆山市 昆山市…"). An address that already starts with the province or the city is kept as is.
 */
export function placedAddress(city: string, county: string | undefined, address: string): string {
  const a = address.trim();
  const short = (name: string) => name.replace(/(市|县|区)$/u, '');
  if (/^江苏/u.test(a) || a.startsWith(city) || a.startsWith(short(city))) return a;
  if (county && (a.startsWith(county) || (short(county).length >= 2 && a.startsWith(short(county))))) return `${city}${a}`;
  return `${city}${county ?? ''}${a}`;
}

/**
 * A phone number as the text of a tel: link: spaces and hyphens that never break the number
 * across lines (U+00A0, U+2011), as html-validate's tel-non-breaking rule asks.
 */
export function phoneText(phone: string): string {
  return phone.replace(/ /gu, '\u00a0').replace(/-/gu, '\u2011');
}
