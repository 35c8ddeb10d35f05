/**
 * The sheet importer: Cells: dates and times as editors type them (and Excel's serial numbers), coordinates, the
 * words for types and levels, lists in one cell, and region names. Pure.
 */
import { EVENT_TYPE_LABELS, type EventLevel, type EventType } from '../event-labels.ts';
import { type Datum } from '../directions.ts';
import type { RegionEntry } from '../regions.ts';
import { isRealMoment, parseLooseDate, shanghaiTimeOf } from '../dates.ts';
import { quote } from './problems.ts';

/** Splits lists typed in one cell: 、 , ， ; ； or new lines. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel's day zero for date serials (1900 date system, as Excel and WPS write). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** "2026-03-05 09:00", or "2026-03-05" when the value has no time and shows none. */
export function excelDateText(date: Date, showsTime: boolean): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0;
  return hasTime || showsTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/** The Date an Excel serial day number stands for, with the wall clock as UTC fields. */
export function excelSerialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86400) * 1000);
}

/**
 * Whether an Excel number format shows a date, and whether it shows a time. Text in quotes,
 * [colour] and [$-zh-CN] parts and escaped characters are not format codes.
 */
export function describeNumberFormat(format: string | undefined): { date: boolean; time: boolean } {
  if (!format) return { date: false, time: false };
  const codes = format
    .replace(/"[^"]*"/gu, '')
    .replace(/\[[^\]]*\]/gu, '')
    .replace(/\\./gu, '');
  return { date: /[ymdb]/iu.test(codes) || /[hs]/iu.test(codes), time: /[hs]/iu.test(codes) };
}

/**
 * Excel serial day numbers count from 1899-12-30 and carry no time zone: the wall clock is the
 * fraction of the day. Returns "YYYY-MM-DDTHH:mm+08:00" for a date in the plausible range.
 */
export function excelSerialToShanghai(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 40000 || serial > 80000) return undefined;
  const d = excelSerialToDate(serial);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}+08:00`;
}

export const DATE_TIME_FIX = '写成 2026/3/5 9:00 或 2026-03-05 09:00（日期和钟点都要有）';

/**
 * Date-times as editors type them: 2026/3/5 9:00, 2026-03-05 09:00, 2026年3月5日 9:30, or an Excel
 * date number with its time. A date without a time is refused: the site has no all-day events,
 * and "2026/3/5" would otherwise silently mean midnight.
 */
export function parseDateTime(text: string): { value?: string; error?: string; fix?: string } {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/u.test(t)) {
    const serial = Number(t);
    const v = excelSerialToShanghai(serial);
    if (!v) return { error: `${quote(t)}不是日期`, fix: DATE_TIME_FIX };
    if (Number.isInteger(serial))
      return {
        error: `${quote(t)}是 Excel 日期数字（${v.slice(0, 10)}），只有日期，没有钟点`,
        fix: `写上钟点，例如 ${v.slice(0, 10)} 9:00；网站不收“全天”活动，请写开始和结束的钟点`,
      };
    return { value: v };
  }
  const p = parseLooseDate(t);
  if (!p) return { error: `${quote(t)}看不懂`, fix: DATE_TIME_FIX };
  if (!isRealMoment(p)) return { error: `${p.y}年${p.mo}月${p.d}日 ${p.h}:${pad(p.mi)} 不是真实存在的时间`, fix: DATE_TIME_FIX };
  if (!p.hasTime) return { error: `${quote(t)}只有日期，没有钟点`, fix: `写上钟点，例如 ${p.y}/${p.mo}/${p.d} 9:00；网站不收“全天”活动，请写开始和结束的钟点` };
  return { value: shanghaiTimeOf(p) };
}

/**
 * A coordinate as a plain decimal number: 118.79143 or 32.06. Full-width digits and points
 * (１１８．７９, from Chinese input methods) are read as the same digits. Hex (0x76), exponents
 * (1.18E+02, which Excel shows for long numbers), Infinity, NaN, degree-minute-second and comma
 * decimals are refused with what to write instead.
 */
export function parseCoordinate(text: string, example: string): { value?: number; error?: string; fix?: string } {
  const t = text.normalize('NFKC').trim();
  const fix = `写成 ${example} 这样的小数（只用数字和小数点）`;
  if (/^[+-]?\d{1,3}(\.\d+)?$/u.test(t)) return { value: Number(t) };
  if (/^[+-]?0x/iu.test(t)) return { error: `${quote(text)}是十六进制写法，不是经纬度`, fix };
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/iu.test(t))
    return { error: `${quote(text)}是科学计数法，看不出准确的经纬度`, fix: `${fix}；Excel 里把这一列设成“数值”格式、保留 6 位小数` };
  if (/[°度′'’分″"”秒]/u.test(t)) return { error: `${quote(text)}是度分秒写法`, fix: `换算成小数：度 + 分 ÷ 60 + 秒 ÷ 3600，${fix}` };
  if (/^[+-]?\d{1,3},\d+$/u.test(t)) return { error: `${quote(text)}用逗号当了小数点`, fix };
  if (/^[+-]?(infinity|inf|nan|∞)$/iu.test(t)) return { error: `${quote(text)}不是数字`, fix };
  return { error: `${quote(text)}不是经纬度的写法`, fix };
}

const TYPE_WORDS: [RegExp, EventType][] = [
  [/机关/u, 'organ'],
  [/企业|园区/u, 'enterprise'],
  [/院校|高校|学校|大学/u, 'campus'],
  [/医院|医疗/u, 'hospital'],
  [/社区|街道/u, 'community'],
  [/商圈|步行街|综合体|商场/u, 'commercial'],
  [/文旅|景区|旅游/u, 'tourism'],
  [/乡村|下乡|农村/u, 'rural'],
];
export function parseType(text: string): EventType | undefined {
  const t = text.trim();
  if ((Object.keys(EVENT_TYPE_LABELS) as EventType[]).includes(t as EventType)) return t as EventType;
  return TYPE_WORDS.find(([re]) => re.test(t))?.[1];
}
export function parseLevel(text: string): EventLevel | undefined {
  const t = text.trim();
  if (/^省/u.test(t) || t === 'provincial') return 'provincial';
  if (/^市/u.test(t) || t === 'city') return 'city';
  if (/^(县|区|县区|县级|区级)/u.test(t) || t === 'county') return 'county';
  return undefined;
}
export function parseDatum(text: string): Datum | undefined {
  const t = text
    .trim()
    .toUpperCase()
    .replace(/[-_\s]/gu, '');
  if (!t || t === 'WGS84' || t === 'GPS' || t.includes('天地图')) return 'WGS84';
  if (t === 'GCJ02' || t.includes('高德') || t.includes('腾讯')) return 'GCJ02';
  if (t === 'BD09' || t === 'BD09LL' || t.includes('百度')) return 'BD09';
  return undefined;
}

/** Region lookups by the names editors type: 南京 / 南京市 / nanjing; 玄武 / 玄武区. */
export function makeRegionMatcher(regions: readonly RegionEntry[]) {
  const cities = regions.filter((r) => r.type === 'city');
  return {
    city(text: string): RegionEntry | undefined {
      const t = text.trim();
      return cities.find((c) => c.name === t || c.shortName === t || c.id === t.toLowerCase());
    },
    county(city: RegionEntry, text: string): RegionEntry | undefined {
      const t = text.trim();
      return regions.find((r) => r.parent === city.id && (r.name === t || r.shortName === t || r.id === t.toLowerCase() || r.slug === t.toLowerCase()));
    },
    countyAnywhere(text: string): RegionEntry | undefined {
      const t = text.trim();
      return regions.find((r) => r.parent !== null && (r.name === t || r.shortName === t));
    },
    cities,
  };
}
