/**
 * The sheet importer: The template's columns: their order, which are required, and how a sheet's own header text
 * (with units, full-width brackets or spaces) maps to them. Pure.
 */
import { cleanText } from '../text.ts';

/** The template's columns, in order. */
export const TEMPLATE_COLUMNS = [
  '活动编号(可选)',
  '活动名称',
  '设区市',
  '县（市、区）',
  '活动类型',
  '活动级别',
  '开始时间',
  '结束时间',
  '场地名称',
  '详细地址',
  '经度',
  '纬度',
  '坐标系(可选: WGS84/GCJ02/BD09, 默认 WGS84)',
  '主办单位',
  '承办单位',
  '参与品牌',
  '现场服务',
  '咨询电话',
  '备注',
] as const;

/** The importer's name for each column (messages use the sheet's own header text). */
export type ColumnKey = Key;
export type Key =
  | 'id'
  | 'title'
  | 'city'
  | 'county'
  | 'type'
  | 'level'
  | 'start'
  | 'end'
  | 'venue'
  | 'address'
  | 'lng'
  | 'lat'
  | 'datum'
  | 'organisers'
  | 'hosts'
  | 'brands'
  | 'services'
  | 'phone'
  | 'notes';
export const KEYS: Key[] = [
  'id',
  'title',
  'city',
  'county',
  'type',
  'level',
  'start',
  'end',
  'venue',
  'address',
  'lng',
  'lat',
  'datum',
  'organisers',
  'hosts',
  'brands',
  'services',
  'phone',
  'notes',
];
export const REQUIRED: Key[] = ['title', 'city', 'type', 'level', 'start', 'end', 'venue', 'address', 'lng', 'lat', 'organisers'];
/** The template's names for the columns, used when a sheet lacks a column. */
export const COLUMN_NAMES: Record<Key, string> = {
  id: '活动编号',
  title: '活动名称',
  city: '设区市',
  county: '县（市、区）',
  type: '活动类型',
  level: '活动级别',
  start: '开始时间',
  end: '结束时间',
  venue: '场地名称',
  address: '详细地址',
  lng: '经度',
  lat: '纬度',
  datum: '坐标系',
  organisers: '主办单位',
  hosts: '承办单位',
  brands: '参与品牌',
  services: '现场服务',
  phone: '咨询电话',
  notes: '备注',
};

const normaliseHeader = (h: string) =>
  h
    .replace(/\s+/gu, '')
    .replace(/[（(]/gu, '(')
    .replace(/[）)]/gu, ')')
    .replace(/[：:]/gu, ':')
    .replace(/\(.*\)$/u, '');
const HEADER_KEY = new Map<string, Key>(TEMPLATE_COLUMNS.map((c, i) => [normaliseHeader(c), KEYS[i]!]));
HEADER_KEY.set('县(市、区)', 'county');
HEADER_KEY.set('县市区', 'county');
HEADER_KEY.set('县区', 'county');

/**
 * A column's name as the sheet writes it, for messages: "县区" stays "县区". The template's
 * hint in brackets ("(可选: …)") is left out, so messages stay short.
 */
export function columnLabel(headerText: string): string {
  const t = cleanText(headerText)
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\s*[（(][^（()）]*(可选|默认)[^（()）]*[)）]\s*$/u, '');
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
}

/** What each column of a header row holds, and its name as written. */
export function readHeader(cells: readonly string[]): { keys: (Key | undefined)[]; labels: Partial<Record<Key, string>> } {
  const keys = cells.map((h) => HEADER_KEY.get(normaliseHeader(cleanText(h))));
  const labels: Partial<Record<Key, string>> = {};
  keys.forEach((k, i) => {
    if (k && labels[k] === undefined) labels[k] = columnLabel(cells[i]!);
  });
  return { keys, labels };
}
