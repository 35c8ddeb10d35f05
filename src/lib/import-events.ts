/**
 * Turning a city's submission sheet into events. Everything here is pure: rows of text in,
 * events and problems out. Problems name the spreadsheet row and column and say how to fix
 * it, in Chinese. The same event schema as the site judges every row.
 */
import type { z } from 'astro/zod';
import { EVENT_LEVEL_LABELS, EVENT_SERVICE_LABELS, EVENT_TYPE_LABELS, type EventLevel, type EventType } from './event-labels.ts';
import { makeEventId, type EventItem } from './events.ts';
import { convert, distanceKm, type Datum } from './geo.ts';
import { isInsideJiangsu, type RegionEntry } from './regions.ts';
import { isRealMoment, parseLooseDate, shanghaiTimeOf } from './time.ts';

/** The template's columns, in order. */
export const TEMPLATE_COLUMNS = [
  '活动编号(可选)', '活动名称', '设区市', '县（市、区）', '活动类型', '活动级别', '开始时间', '结束时间', '场地名称', '详细地址',
  '经度', '纬度', '坐标系(可选: WGS84/GCJ02/BD09, 默认 WGS84)', '主办单位', '承办单位', '参与品牌', '现场服务', '咨询电话', '备注',
] as const;

type Key = 'id' | 'title' | 'city' | 'county' | 'type' | 'level' | 'start' | 'end' | 'venue' | 'address' | 'lng' | 'lat' | 'datum' | 'organisers' | 'hosts' | 'brands' | 'services' | 'phone' | 'notes';
const KEYS: Key[] = ['id', 'title', 'city', 'county', 'type', 'level', 'start', 'end', 'venue', 'address', 'lng', 'lat', 'datum', 'organisers', 'hosts', 'brands', 'services', 'phone', 'notes'];
const REQUIRED: Key[] = ['title', 'city', 'type', 'level', 'start', 'end', 'venue', 'address', 'lng', 'lat', 'organisers'];
/** Short column names used in messages. */
export const COLUMN_NAMES: Record<Key, string> = {
  id: '活动编号', title: '活动名称', city: '设区市', county: '县（市、区）', type: '活动类型', level: '活动级别', start: '开始时间', end: '结束时间',
  venue: '场地名称', address: '详细地址', lng: '经度', lat: '纬度', datum: '坐标系', organisers: '主办单位', hosts: '承办单位', brands: '参与品牌',
  services: '现场服务', phone: '咨询电话', notes: '备注',
};

/** One thing wrong with the sheet: where, what, and how to fix it. */
export interface ImportProblem { row: number | null; column: string | null; message: string; fix: string }

export function formatProblem(p: ImportProblem): string {
  const where = [p.row !== null ? `第${p.row}行` : '', p.column ? `「${p.column}」` : ''].join('');
  return `${where ? `${where}：` : ''}${p.message}${p.fix ? `。怎么改：${p.fix}` : ''}`;
}

/**
 * Text of a file as saved by Excel or WPS: UTF-8 with or without BOM, otherwise GB18030
 * (which covers GBK, what Excel on Chinese Windows writes for "CSV").
 */
export function decodeSheetBytes(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'GB18030' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

const normaliseHeader = (h: string) => h.replace(/\s+/gu, '').replace(/[（(]/gu, '(').replace(/[）)]/gu, ')').replace(/[：:]/gu, ':').replace(/\(.*\)$/u, '');
const HEADER_KEY = new Map<string, Key>(TEMPLATE_COLUMNS.map((c, i) => [normaliseHeader(c), KEYS[i]!]));
HEADER_KEY.set('县(市、区)', 'county');
HEADER_KEY.set('县市区', 'county');
HEADER_KEY.set('县区', 'county');

/** Splits lists typed in one cell: 、 , ， ; ； or new lines. */
export function splitList(text: string): string[] {
  return text.split(/[、,，;；\n]+/u).map((s) => s.trim()).filter(Boolean);
}

function pad(n: number): string { return String(n).padStart(2, '0'); }

/**
 * Excel serial day numbers count from 1899-12-30 and carry no time zone: the wall clock is the
 * fraction of the day. Returns "YYYY-MM-DDTHH:mm+08:00" for a date in the plausible range.
 */
export function excelSerialToShanghai(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 40000 || serial > 80000) return undefined;
  const ms = Math.round((serial - 25569) * 86400) * 1000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}+08:00`;
}

/**
 * Date-times as editors type them: 2026/3/5 9:00, 2026-03-05 09:00, 2026年3月5日 9:30, or an Excel
 * date number. Returns local Shanghai time with offset, or an explanation.
 */
export function parseDateTime(text: string): { value?: string; error?: string } {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/u.test(t)) {
    const v = excelSerialToShanghai(Number(t));
    return v ? { value: v } : { error: `“${t}”不是日期` };
  }
  const p = parseLooseDate(t);
  if (!p) return { error: `“${t}”看不懂` };
  if (!isRealMoment(p)) return { error: `${p.y}年${p.mo}月${p.d}日 ${p.h}:${pad(p.mi)} 不是真实存在的时间` };
  return { value: shanghaiTimeOf(p) };
}

const TYPE_WORDS: [RegExp, EventType][] = [
  [/机关/u, 'organ'], [/企业|园区/u, 'enterprise'], [/院校|高校|学校|大学/u, 'campus'], [/医院|医疗/u, 'hospital'], [/社区|街道/u, 'community'],
  [/商圈|步行街|综合体|商场/u, 'commercial'], [/文旅|景区|旅游/u, 'tourism'], [/乡村|下乡|农村/u, 'rural'],
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
  const t = text.trim().toUpperCase().replace(/[-_\s]/gu, '');
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

/** How far from the named place a venue may be before we ask the editor to check. */
export const MAX_KM_FROM_COUNTY = 40;
export const MAX_KM_FROM_CITY = 90;

export interface ImportContext {
  regions: readonly RegionEntry[];
  /** Checks an event object with the site's schema; returns zod issues. */
  validate: (event: unknown) => z.core.$ZodIssue[];
  /** Called every few rows on long sheets. */
  onProgress?: (done: number, total: number) => void;
}

/** Reads the sheet's rows (first row: header) into events, or every problem found. */
export function rowsToEvents(rows: readonly (readonly string[])[], ctx: ImportContext): { events: EventItem[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const nonEmpty = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return { events: [], problems: [{ row: null, column: null, message: '表格是空的', fix: '从网站下载模板，按列填写后再导入' }] };
  const header = rows[0]!.map((h) => HEADER_KEY.get(normaliseHeader(h)));
  const missing = REQUIRED.filter((k) => !header.includes(k));
  if (missing.length > 0) {
    return { events: [], problems: [{ row: 1, column: null, message: `缺少列：${missing.map((k) => COLUMN_NAMES[k]).join('、')}`, fix: '第一行应为模板的列名，请从网站下载模板（/data/templates/events-template.xlsx）并按它填写' }] };
  }
  if (nonEmpty.length === 1) {
    return { events: [], problems: [{ row: null, column: null, message: '表格里没有活动，只有列名', fix: '从第2行起每行填写一个活动' }] };
  }
  const match = makeRegionMatcher(ctx.regions);
  const events: EventItem[] = [];
  const idRows = new Map<string, number[]>();
  const dataRows = rows.slice(1);
  dataRows.forEach((cells, index) => {
    const rowNo = index + 2;
    if (ctx.onProgress && (index + 1) % 100 === 0) ctx.onProgress(index + 1, dataRows.length);
    if (!cells.some((c) => c.trim() !== '')) return;
    const get = (k: Key) => {
      const i = header.indexOf(k);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const rowProblems: ImportProblem[] = [];
    const add = (k: Key, message: string, fix: string) => rowProblems.push({ row: rowNo, column: COLUMN_NAMES[k], message, fix });

    for (const k of REQUIRED) if (!get(k)) add(k, '不能为空', `请填写${COLUMN_NAMES[k]}`);

    const city = get('city') ? match.city(get('city')) : undefined;
    if (get('city') && !city) add('city', `“${get('city')}”不是江苏的设区市`, `填写 ${match.cities.map((c) => c.shortName).join('、')} 之一（带不带“市”都可以）`);
    let county: RegionEntry | undefined;
    if (get('county') && city) {
      county = match.county(city, get('county'));
      if (!county) {
        const elsewhere = match.countyAnywhere(get('county'));
        const parent = elsewhere ? ctx.regions.find((r) => r.id === elsewhere.parent) : undefined;
        add('county', `“${get('county')}”不是${city.name}的县（市、区）${parent ? `，它属于${parent.name}` : ''}`, `检查设区市和县（市、区）是否填对；${city.name}下辖：${ctx.regions.filter((r) => r.parent === city.id).map((r) => r.name).join('、')}`);
      }
    }

    const type = get('type') ? parseType(get('type')) : undefined;
    if (get('type') && !type) add('type', `“${get('type')}”不是活动类型`, `填写 ${Object.values(EVENT_TYPE_LABELS).join('、')} 之一`);
    const level = get('level') ? parseLevel(get('level')) : undefined;
    if (get('level') && !level) add('level', `“${get('level')}”不是活动级别`, `填写 ${Object.values(EVENT_LEVEL_LABELS).join('、')} 之一`);
    if (level === 'county' && city && !get('county')) add('county', '县区级活动必须填写县（市、区）', `填写${city.name}下辖的县（市、区）`);

    const start = get('start') ? parseDateTime(get('start')) : {};
    if (start.error) add('start', start.error, '写成 2026/3/5 9:00 或 2026-03-05 09:00');
    const end = get('end') ? parseDateTime(get('end')) : {};
    if (end.error) add('end', end.error, '写成 2026/3/5 17:00 或 2026-03-05 17:00');
    if (start.value && end.value && Date.parse(end.value) < Date.parse(start.value)) add('end', '结束时间早于开始时间', '检查开始、结束时间是否填反');

    const datum = parseDatum(get('datum'));
    if (!datum) add('datum', `“${get('datum')}”不是认识的坐标系`, '填写 WGS84、GCJ02（高德、腾讯）或 BD09（百度），不填按 WGS84');
    const lngRaw = Number(get('lng'));
    const latRaw = Number(get('lat'));
    let point: { lat: number; lng: number } | undefined;
    if (get('lng') && !Number.isFinite(lngRaw)) add('lng', `“${get('lng')}”不是数字`, '写成 118.79143 这样的小数');
    if (get('lat') && !Number.isFinite(latRaw)) add('lat', `“${get('lat')}”不是数字`, '写成 32.06141 这样的小数');
    if (get('lng') && get('lat') && Number.isFinite(lngRaw) && Number.isFinite(latRaw) && datum) {
      const p = convert({ lat: latRaw, lng: lngRaw }, datum, 'WGS84');
      const swapped = convert({ lat: lngRaw, lng: latRaw }, datum, 'WGS84');
      if (!isInsideJiangsu(p.lat, p.lng)) {
        if (isInsideJiangsu(swapped.lat, swapped.lng)) add('lng', `经度 ${get('lng')}、纬度 ${get('lat')} 不在江苏，像是填反了`, '把经度和纬度对调（江苏的经度约 116—122，纬度约 30—35）');
        else add('lng', `经度 ${get('lng')}、纬度 ${get('lat')} 不在江苏范围内`, '在地图上重新取点；江苏的经度约 116—122，纬度约 30—35');
      } else {
        point = { lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 };
        const ref = county ?? city;
        const limit = county ? MAX_KM_FROM_COUNTY : MAX_KM_FROM_CITY;
        if (ref) {
          const km = distanceKm(point, ref);
          if (km > limit) add('lng', `坐标离${ref.name}政府驻地约 ${Math.round(km)} 公里，不像在${ref.name}`, `核对坐标和“${county ? '县（市、区）' : '设区市'}”是否对应${datum === 'WGS84' ? '；如果坐标是从高德或百度地图复制的，请在“坐标系”列填 GCJ02 或 BD09' : ''}`);
        }
      }
    }

    const serviceWords = splitList(get('services'));
    const serviceKeys = serviceWords.map((w) => (Object.entries(EVENT_SERVICE_LABELS).find(([k, label]) => label === w || k === w)?.[0]));
    serviceWords.forEach((w, i) => { if (!serviceKeys[i]) add('services', `“${w}”不是现场服务项目`, `填写 ${Object.values(EVENT_SERVICE_LABELS).join('、')}，多项用顿号分开`); });

    const givenId = get('id');
    if (givenId && !/^[a-z0-9][a-z0-9-]{2,63}$/u.test(givenId)) add('id', `“${givenId}”不能用作活动编号`, '只用小写字母、数字和连字符，例如 2026-nanjing-001；也可以不填，由系统生成');

    if (rowProblems.length > 0 || !city || !type || !level || !start.value || !end.value || !point) {
      problems.push(...rowProblems);
      return;
    }
    const draft = {
      title: get('title'),
      year: Number(start.value.slice(0, 4)),
      type,
      level,
      city: city.id,
      ...(county ? { county: county.id } : {}),
      venue: { name: get('venue'), address: get('address') },
      lat: point.lat,
      lng: point.lng,
      start: start.value,
      end: end.value,
      organisers: splitList(get('organisers')),
      hosts: splitList(get('hosts')),
      brands: splitList(get('brands')),
      services: serviceKeys.filter((k): k is string => Boolean(k)),
      policies: ['trade-in', 'purchase', 'credit'],
      status: 'planned' as const,
      ...(get('phone') ? { phone: get('phone') } : {}),
      ...(get('notes') ? { notes: get('notes') } : {}),
      demo: false,
    };
    const issues = ctx.validate(draft);
    if (issues.length > 0) {
      for (const issue of issues) {
        const key = String(issue.path[0] ?? '');
        const column = key === 'venue' ? (issue.path[1] === 'name' ? '场地名称' : '详细地址') : (COLUMN_NAMES as Record<string, string>)[key] ?? key;
        problems.push({ row: rowNo, column, message: issue.message, fix: '按模板说明改正' });
      }
      return;
    }
    const id = givenId || makeEventId(draft);
    idRows.set(id, [...(idRows.get(id) ?? []), rowNo]);
    events.push({ id, ...draft, county: county?.id });
  });
  for (const [id, rowsWithId] of idRows) {
    if (rowsWithId.length > 1) {
      for (const r of rowsWithId) problems.push({ row: r, column: '活动编号', message: `活动编号 ${id} 与第${rowsWithId.filter((x) => x !== r).join('、')}行重复`, fix: '同一活动只保留一行；不同活动请给不同编号，或不填编号' });
    }
  }
  ctx.onProgress?.(dataRows.length, dataRows.length);
  return { events: problems.length ? [] : events, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}

const yamlString = (s: string) => JSON.stringify(s);

/** The content file for an imported event: stable key order, so re-importing writes the same bytes. */
export function eventToYaml(e: EventItem): string {
  const list = (xs: string[]) => `[${xs.map(yamlString).join(', ')}]`;
  const lines = [
    '# 由 npm run import 从各市报送表导入。手工修改后，再次导入同一活动会提示冲突（加 --update 才会覆盖）。',
    `title: ${yamlString(e.title)}`,
    `year: ${e.year}`,
    `type: ${e.type}`,
    `level: ${e.level}`,
    `city: ${e.city}`,
    ...(e.county ? [`county: ${e.county}`] : []),
    'venue:',
    `  name: ${yamlString(e.venue.name)}`,
    `  address: ${yamlString(e.venue.address)}`,
    `lat: ${e.lat}`,
    `lng: ${e.lng}`,
    `start: ${yamlString(e.start)}`,
    `end: ${yamlString(e.end)}`,
    `organisers: ${list(e.organisers)}`,
    `hosts: ${list(e.hosts)}`,
    `brands: ${list(e.brands)}`,
    `services: ${list(e.services)}`,
    `policies: ${list(e.policies)}`,
    `status: ${e.status}`,
    ...(e.phone ? [`phone: ${yamlString(e.phone)}`] : []),
    ...(e.notes ? [`notes: ${yamlString(e.notes)}`] : []),
    `demo: ${e.demo}`,
  ];
  return lines.join('\n') + '\n';
}
