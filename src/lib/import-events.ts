/**
 * Turning a city's submission sheet into events. Everything here is pure: bytes or rows of text
 * in, events and problems out. Problems name the spreadsheet row and the column as it is written
 * in that sheet, and say how to fix it, in Chinese. The same event schema as the site judges
 * every row, and its limits are the sheet's limits.
 */
import { EVENT_ID_PATTERN, eventIdProblem } from './event-ids.ts';
import type { z } from 'astro/zod';
import { EVENT_LIST_LIMIT, EVENT_TEXT_LIMITS } from '../schemas/event.ts';
import { EVENT_LEVEL_LABELS, EVENT_SERVICE_LABELS, EVENT_TYPE_LABELS, type EventLevel, type EventType } from './event-labels.ts';
import { makeEventId, type EventItem } from './events.ts';
import { convert, type Datum } from './directions.ts';
import { HULL_BUFFER_KM, makePlausibility, type PlausibilityProblem } from './plausibility.ts';
import type { RegionEntry } from './regions.ts';
import { cleanText } from './text.ts';
import { isRealMoment, parseLooseDate, shanghaiTimeOf } from './time.ts';

// ---------------------------------------------------------------------------------------------
// Limits: checked before any heavy work, each with a message that says what to do.

/**
 * What one import may hold. A real city sheet is far below every limit (a month of events is a
 * few hundred rows and well under 1 MB); the limits keep a wrong or hostile file from taking
 * minutes and gigabytes.
 */
export const IMPORT_LIMITS = {
  /** Largest .xlsx or .csv file, in bytes. */
  fileBytes: 10 * 1024 * 1024,
  /** Most events (non-empty rows below the header) in one sheet. */
  dataRows: 5000,
  /** Most bytes an .xlsx may unpack to (the parts that are read), against zip bombs. */
  unzippedBytes: 50 * 1024 * 1024,
  /** Most files inside an .xlsx (a real one has about ten). */
  zipEntries: 1000,
  /**
   * Unpacked ÷ packed size above which a file over the unpacked limit is refused before it is
   * read. Sheets pack about 10:1; zeros pack 1000:1. Below this ratio a big file is streamed
   * instead, so that a sheet with a million rows is told about the row limit, the real fix.
   */
  bombRatio: 100,
} as const;

const MB = 1024 * 1024;
/** "12.3 MB", "300 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

// ---------------------------------------------------------------------------------------------
// Columns

/** The template's columns, in order. */
export const TEMPLATE_COLUMNS = [
  '活动编号(可选)', '活动名称', '设区市', '县（市、区）', '活动类型', '活动级别', '开始时间', '结束时间', '场地名称', '详细地址',
  '经度', '纬度', '坐标系(可选: WGS84/GCJ02/BD09, 默认 WGS84)', '主办单位', '承办单位', '参与品牌', '现场服务', '咨询电话', '备注',
] as const;

/** The importer's name for each column (messages use the sheet's own header text). */
export type ColumnKey = Key;
type Key = 'id' | 'title' | 'city' | 'county' | 'type' | 'level' | 'start' | 'end' | 'venue' | 'address' | 'lng' | 'lat' | 'datum' | 'organisers' | 'hosts' | 'brands' | 'services' | 'phone' | 'notes';
const KEYS: Key[] = ['id', 'title', 'city', 'county', 'type', 'level', 'start', 'end', 'venue', 'address', 'lng', 'lat', 'datum', 'organisers', 'hosts', 'brands', 'services', 'phone', 'notes'];
const REQUIRED: Key[] = ['title', 'city', 'type', 'level', 'start', 'end', 'venue', 'address', 'lng', 'lat', 'organisers'];
/** The template's names for the columns, used when a sheet lacks a column. */
export const COLUMN_NAMES: Record<Key, string> = {
  id: '活动编号', title: '活动名称', city: '设区市', county: '县（市、区）', type: '活动类型', level: '活动级别', start: '开始时间', end: '结束时间',
  venue: '场地名称', address: '详细地址', lng: '经度', lat: '纬度', datum: '坐标系', organisers: '主办单位', hosts: '承办单位', brands: '参与品牌',
  services: '现场服务', phone: '咨询电话', notes: '备注',
};

const normaliseHeader = (h: string) => h.replace(/\s+/gu, '').replace(/[（(]/gu, '(').replace(/[）)]/gu, ')').replace(/[：:]/gu, ':').replace(/\(.*\)$/u, '');
const HEADER_KEY = new Map<string, Key>(TEMPLATE_COLUMNS.map((c, i) => [normaliseHeader(c), KEYS[i]!]));
HEADER_KEY.set('县(市、区)', 'county');
HEADER_KEY.set('县市区', 'county');
HEADER_KEY.set('县区', 'county');

/**
 * A column's name as the sheet writes it, for messages: "县区" stays "县区". The template's
 * hint in brackets ("(可选: …)") is left out, so messages stay short.
 */
export function columnLabel(headerText: string): string {
  const t = cleanText(headerText).replace(/\s+/gu, ' ').trim().replace(/\s*[（(][^（()）]*(可选|默认)[^（()）]*[)）]\s*$/u, '');
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
}

/** What each column of a header row holds, and its name as written. */
export function readHeader(cells: readonly string[]): { keys: (Key | undefined)[]; labels: Partial<Record<Key, string>> } {
  const keys = cells.map((h) => HEADER_KEY.get(normaliseHeader(cleanText(h))));
  const labels: Partial<Record<Key, string>> = {};
  keys.forEach((k, i) => { if (k && labels[k] === undefined) labels[k] = columnLabel(cells[i]!); });
  return { keys, labels };
}

// ---------------------------------------------------------------------------------------------
// Problems

/** One thing wrong with the sheet (or worth knowing): where, what, and how to fix it. */
export interface ImportProblem { row: number | null; column: string | readonly string[] | null; message: string; fix: string }

/** A column's letter as Excel shows it: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "第5行「开始时间」：…。怎么改：…" */
export function formatProblem(p: ImportProblem): string {
  const columns = p.column === null ? [] : typeof p.column === 'string' ? [p.column] : p.column;
  const where = [p.row !== null ? `第${p.row}行` : '', ...columns.map((c) => `「${c}」`)].join('');
  return `${where ? `${where}：` : ''}${p.message}${p.fix ? `。怎么改：${p.fix}` : ''}`;
}

/** A cell's text quoted in a message, shortened: a 5 MB cell is not echoed back. */
export function quote(text: string, max = 30): string {
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}

/**
 * Notes to print, at most `max` lines: when there are more, one line per column lists the
 * first rows and the count, so 5,000 formula cells do not bury the result.
 */
export function summariseNotes(notes: readonly ImportProblem[], max = 10): string[] {
  if (notes.length <= max) return notes.map(formatProblem);
  const byColumn = new Map<string, ImportProblem[]>();
  for (const n of notes) {
    const key = `${formatProblem({ ...n, row: null, fix: '', message: '' })}|${n.message.replace(/“.*”/u, '')}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), n]);
  }
  return [...byColumn.values()].map((group) => {
    const first = group[0]!;
    const rows = group.slice(0, 5).map((n) => n.row).join('、');
    const where = `第${rows}${group.length > 5 ? '等' : ''}行`;
    return `${where}（共 ${group.length} 处）${formatProblem({ ...first, row: null })}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading CSV bytes

/** The text encodings a CSV from Excel, WPS or Numbers comes in. */
export type SheetEncoding = 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

/** Which UTF-16 a BOM-less text is, judged by where its zero bytes fall; undefined if neither. */
function sniffUtf16(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'UTF-16LE';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'UTF-16BE';
  return undefined;
}

/**
 * Text of a file as saved by Excel, WPS or Numbers: UTF-8 with or without BOM; UTF-16 (Excel's
 * "Unicode 文本", with BOM FF FE or FE FF, or without BOM); otherwise GB18030 (which covers GBK,
 * what Excel on Chinese Windows writes for "CSV").
 */
export function decodeSheetBytes(bytes: Uint8Array): { text: string; encoding: SheetEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16.toLowerCase()).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

/**
 * Why bytes named .csv are not a CSV, if they are not: an Excel file with the wrong extension,
 * or binary data. Undefined for text.
 */
export function notCsvReason(bytes: Uint8Array, text: string): ImportProblem | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { row: null, column: null, message: '这个文件其实是 Excel（.xlsx）文件，只是扩展名是 .csv', fix: '把文件扩展名改成 .xlsx 再导入' };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { row: null, column: null, message: '这个文件是旧版 Excel（.xls）文件，不是 CSV', fix: '在 Excel 或 WPS 里另存为 .xlsx（Excel 工作簿）或 CSV UTF-8' };
  }
  if (text.includes('\u0000')) {
    return { row: null, column: null, message: '文件里有不是文字的内容，不是 CSV 表格', fix: '在 Excel 或 WPS 里打开报送表，另存为 .xlsx 或 CSV UTF-8' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading .xlsx containers (zip) without trusting them

/** One stored or deflated file inside an .xlsx, where its bytes are. */
export interface ZipEntry { name: string; method: 0 | 8; declaredBytes: number; dataStart: number; dataEnd: number }

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = [0x50, 0x4b, 0x07, 0x08];

/**
 * The files inside an .xlsx, read the way a streaming unzipper reads them (local headers from
 * the start), plus the sizes its directory declares. Refuses, before anything is unpacked: files
 * that are not zips, old .xls or password-protected files, ZIP64, unknown compression, too many
 * entries, and declared sizes over {@link IMPORT_LIMITS}.unzippedBytes (the classic zip bomb). A
 * bomb that lies about its sizes is caught while unpacking, by counting (see the import script).
 */
export function readZipLayout(bytes: Uint8Array, fileName: string, limits = IMPORT_LIMITS): { entries: ZipEntry[] } | { problem: ImportProblem } {
  const refuse = (message: string, fix: string) => ({ problem: { row: null, column: null, message: `无法读取 ${fileName}：${message}`, fix } });
  const notXlsx = () => refuse('不是有效的 Excel（.xlsx）文件', '用 Excel 或 WPS 打开报送表，另存为 .xlsx（Excel 工作簿）或 .csv 后再导入');
  if (u32(bytes, 0) === 0xe011cfd0) {
    return refuse('这是旧版 Excel（.xls）文件，或设了打开密码的文件', '在 Excel 或 WPS 里取消打开密码，另存为 .xlsx（Excel 工作簿）后再导入');
  }
  if (bytes.length < 22 || u32(bytes, 0) !== LOCAL) return notXlsx();
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (u32(bytes, i) === END) { end = i; break; }
  }
  if (end < 0) return notXlsx();
  const count = u16(bytes, end + 10);
  const cdOffset = u32(bytes, end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return refuse('文件格式特殊（ZIP64），不像报送表', '用 Excel 或 WPS 打开报送表，另存为 .xlsx 后再导入');
  if (count > limits.zipEntries) return refuse(`文件里有 ${count} 个部件，正常的 .xlsx 只有十几个`, '把活动复制到网站下载的模板里，另存后再导入');

  let declared = 0;
  let packed = 0;
  for (let at = cdOffset, i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return notXlsx();
    const size = u32(bytes, at + 24);
    if (size === 0xffffffff) return refuse('文件格式特殊（ZIP64），不像报送表', '用 Excel 或 WPS 打开报送表，另存为 .xlsx 后再导入');
    declared += size;
    packed += u32(bytes, at + 20);
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  const tooBig = (bytesOut: number) => refuse(
    `文件只有 ${formatBytes(bytes.length)}，解压后却有 ${formatBytes(bytesOut)}（上限 ${formatBytes(limits.unzippedBytes)}），不像正常的报送表，没有读取`,
    `可能是文件损坏或被做了手脚（“压缩炸弹”）。一张表最多 ${limits.dataRows} 行活动；请把活动复制粘贴到网站下载的模板里，另存后再导入`,
  );
  const isBomb = (unpacked: number, packedBytes: number) => unpacked > limits.unzippedBytes && unpacked > packedBytes * limits.bombRatio;
  if (isBomb(declared, packed)) return tooBig(declared);

  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 4 <= bytes.length) {
    const signature = u32(bytes, at);
    if (signature === CENTRAL || signature === END) break;
    if (signature !== LOCAL || at + 30 > bytes.length) return notXlsx();
    if (entries.length >= limits.zipEntries) return refuse('文件里的部件太多，正常的 .xlsx 只有十几个', '把活动复制到网站下载的模板里，另存后再导入');
    const flags = u16(bytes, at + 6);
    const method = u16(bytes, at + 8);
    const compressed = u32(bytes, at + 18);
    const size = u32(bytes, at + 22);
    const nameStart = at + 30;
    const dataStart = nameStart + u16(bytes, at + 26) + u16(bytes, at + 28);
    if (dataStart > bytes.length) return notXlsx();
    const name = new TextDecoder().decode(bytes.subarray(nameStart, nameStart + u16(bytes, at + 26)));
    if (flags & 1) return refuse('文件设了密码', '在 Excel 或 WPS 里取消密码，另存为 .xlsx 后再导入');
    if (method !== 0 && method !== 8) return refuse('文件用了不常见的压缩方式', '用 Excel 或 WPS 打开报送表，另存为 .xlsx 后再导入');
    if (compressed === 0xffffffff || size === 0xffffffff) return refuse('文件格式特殊（ZIP64），不像报送表', '用 Excel 或 WPS 打开报送表，另存为 .xlsx 后再导入');
    let dataEnd: number;
    let next: number;
    if (flags & 8 && compressed === 0) {
      // Size given after the data: the unzipper scans for the descriptor's signature; so do we.
      dataEnd = -1;
      for (let i = dataStart; i + 4 <= bytes.length; i += 1) {
        if (bytes[i] === DESCRIPTOR[0] && bytes[i + 1] === DESCRIPTOR[1] && bytes[i + 2] === DESCRIPTOR[2] && bytes[i + 3] === DESCRIPTOR[3]) { dataEnd = i; break; }
      }
      if (dataEnd < 0) return notXlsx();
      next = dataEnd + 16;
    } else {
      dataEnd = dataStart + compressed;
      next = dataEnd;
    }
    if (dataEnd > bytes.length) return notXlsx();
    entries.push({ name, method: method as 0 | 8, declaredBytes: size, dataStart, dataEnd });
    at = next;
  }
  const localDeclared = entries.reduce((s, e) => s + e.declaredBytes, 0);
  if (isBomb(localDeclared, entries.reduce((s, e) => s + e.dataEnd - e.dataStart, 0))) return tooBig(localDeclared);
  return { entries };
}

/** The message when unpacking passes the limit (a bomb that lied about its sizes). */
export function unzipLimitProblem(fileName: string, fileBytes: number, limits = IMPORT_LIMITS): ImportProblem {
  return {
    row: null,
    column: null,
    message: `无法读取 ${fileName}：文件只有 ${formatBytes(fileBytes)}，解压到 ${formatBytes(limits.unzippedBytes)} 还没有完（上限 ${formatBytes(limits.unzippedBytes)}），不像正常的报送表，已停止读取`,
    fix: `可能是文件损坏或被做了手脚（“压缩炸弹”）。一张表最多 ${limits.dataRows} 行活动；请把活动复制粘贴到网站下载的模板里，另存后再导入`,
  };
}

/** The message when a sheet has more events than one import takes; `where` is the file or sheet. */
export function rowLimitProblem(where: string, stoppedAtRow: number, limits = IMPORT_LIMITS): ImportProblem {
  return {
    row: null,
    column: null,
    message: `${where}${/[!-~]$/u.test(where) ? ' ' : ''}里的活动超过 ${limits.dataRows} 行（读到第 ${stoppedAtRow} 行时停止），一次最多导入 ${limits.dataRows} 个活动，没有导入任何活动`,
    fix: `把表格拆成几个文件（例如按月份或按县区），每个不超过 ${limits.dataRows} 行，分别导入`,
  };
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Splits lists typed in one cell: 、 , ， ; ； or new lines. */
export function splitList(text: string): string[] {
  return text.split(/[、,，;；\n]+/u).map((s) => s.trim()).filter(Boolean);
}

function pad(n: number): string { return String(n).padStart(2, '0'); }

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
  const codes = format.replace(/"[^"]*"/gu, '').replace(/\[[^\]]*\]/gu, '').replace(/\\./gu, '');
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

const DATE_TIME_FIX = '写成 2026/3/5 9:00 或 2026-03-05 09:00（日期和钟点都要有）';

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
    if (Number.isInteger(serial)) return { error: `${quote(t)}是 Excel 日期数字（${v.slice(0, 10)}），只有日期，没有钟点`, fix: `写上钟点，例如 ${v.slice(0, 10)} 9:00；网站不收“全天”活动，请写开始和结束的钟点` };
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
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/iu.test(t)) return { error: `${quote(text)}是科学计数法，看不出准确的经纬度`, fix: `${fix}；Excel 里把这一列设成“数值”格式、保留 6 位小数` };
  if (/[°度′'’分″"”秒]/u.test(t)) return { error: `${quote(text)}是度分秒写法`, fix: `换算成小数：度 + 分 ÷ 60 + 秒 ÷ 3600，${fix}` };
  if (/^[+-]?\d{1,3},\d+$/u.test(t)) return { error: `${quote(text)}用逗号当了小数点`, fix };
  if (/^[+-]?(infinity|inf|nan|∞)$/iu.test(t)) return { error: `${quote(text)}不是数字`, fix };
  return { error: `${quote(text)}不是经纬度的写法`, fix };
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

// ---------------------------------------------------------------------------------------------
// Rows to events

/** One row of a sheet: its row number as the spreadsheet shows it, and its cells' text. */
export interface SheetRow { row: number; cells: readonly string[] }

/** Numbers plain rows 1, 2, 3 … (a CSV's lines, a test's table). */
export function numberRows(rows: readonly (readonly string[])[]): SheetRow[] {
  return rows.map((cells, i) => ({ row: i + 1, cells }));
}

/** What the site's schema says about a draft event: the parsed event, or its issues. */
export type Validation = { ok: true; value: Omit<EventItem, 'id'> } | { ok: false; issues: readonly z.core.$ZodIssue[] };

export interface ImportContext {
  regions: readonly RegionEntry[];
  /** Checks an event object with the site's schema. */
  validate: (event: unknown) => Validation;
  /** Accept coordinates the plausibility check only doubts (not those it rules out). */
  confirmCoordinates?: boolean;
  /** Called every 100 rows on long sheets. */
  onProgress?: (done: number, total: number) => void;
}

/** An event read from the sheet, with the row it came from. */
export interface ImportedEvent { row: number; event: EventItem }

const plausibilityFor = new WeakMap<readonly RegionEntry[], ReturnType<typeof makePlausibility>>();

const ID_PATTERN = EVENT_ID_PATTERN;

/**
 * Reads the sheet's rows (the first non-empty row is the header) into events, or every problem
 * found. `notes` are things the editor should know that do not stop the import.
 */
export function rowsToEvents(rows: readonly SheetRow[], ctx: ImportContext): { events: ImportedEvent[]; problems: ImportProblem[]; notes: ImportProblem[]; idColumn: string } {
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const headerRow = nonEmpty[0];
  if (!headerRow) return { events: [], notes, idColumn: COLUMN_NAMES.id, problems: [{ row: null, column: null, message: '表格是空的', fix: '从网站下载模板，按列填写后再导入' }] };
  const { keys, labels } = readHeader(headerRow.cells);
  const label = (k: Key) => labels[k] ?? COLUMN_NAMES[k];
  // Two columns that both mean 活动名称 (say 活动名称 and 名称): which one holds the truth is
  // a guess, so neither is used; the editor is told both.
  const repeated = KEYS.map((k) => ({ k, at: keys.flatMap((x, i) => (x === k ? [i] : [])) })).filter((d) => d.at.length > 1);
  if (repeated.length > 0) {
    return {
      events: [], notes, idColumn: label('id'),
      problems: repeated.map(({ k, at }) => ({
        row: headerRow.row,
        column: at.map((i) => columnLabel(headerRow.cells[i]!)),
        message: `有${at.length}列都是「${COLUMN_NAMES[k]}」（第${at.map(columnLetter).join('、')}列），不知道该用哪一列`,
        fix: '只保留一列，删除或改名其余的列',
      })),
    };
  }
  const missing = REQUIRED.filter((k) => !keys.includes(k));
  if (missing.length > 0) {
    return { events: [], notes, idColumn: label('id'), problems: [{ row: headerRow.row, column: null, message: `缺少列：${missing.map((k) => COLUMN_NAMES[k]).join('、')}`, fix: '第一行应为模板的列名，请从网站下载模板（/data/templates/events-template.xlsx）并按它填写' }] };
  }
  const dataRows = nonEmpty.slice(1);
  if (dataRows.length === 0) {
    return { events: [], notes, idColumn: label('id'), problems: [{ row: null, column: null, message: '表格里没有活动，只有列名', fix: `从第${headerRow.row + 1}行起每行填写一个活动` }] };
  }
  const match = makeRegionMatcher(ctx.regions);
  let plausibility = plausibilityFor.get(ctx.regions);
  if (!plausibility) plausibilityFor.set(ctx.regions, (plausibility = makePlausibility(ctx.regions)));
  const events: ImportedEvent[] = [];
  const idRows = new Map<string, number[]>();
  const column = new Map(KEYS.map((k) => [k, keys.indexOf(k)]));
  dataRows.forEach(({ row: rowNo, cells }, index) => {
    if (ctx.onProgress && (index + 1) % 100 === 0 && index + 1 < dataRows.length) ctx.onProgress(index + 1, dataRows.length);
    // Display text: invisible reordering and control characters go (as the schema does).
    const get = (k: Key) => {
      const i = column.get(k)!;
      return i < 0 ? '' : cleanText(cells[i] ?? '').trim();
    };
    const rowProblems: ImportProblem[] = [];
    const add = (k: Key | Key[], message: string, fix: string) => rowProblems.push({ row: rowNo, column: Array.isArray(k) ? k.map(label) : label(k), message, fix });

    for (const k of REQUIRED) if (!get(k)) add(k, '不能为空', `请填写「${label(k)}」`);

    // Lengths first: the schema's limits, said with the sheet's column names.
    const tooLong = (k: Key, value: string, max: number, what = '') => {
      if (value.length > max) add(k, `${what}有 ${value.length} 个字，最多 ${max} 个字`, `删减到 ${max} 个字以内`);
      return value.length > max;
    };
    const tooShort = (k: Key, value: string, min: number, what = '') => {
      if (value && value.length < min) add(k, `${what}${quote(value)}太短，至少 ${min} 个字`, '写全称');
    };
    if (!tooLong('title', get('title'), EVENT_TEXT_LIMITS.title)) tooShort('title', get('title'), 2);
    if (!tooLong('venue', get('venue'), EVENT_TEXT_LIMITS.venue)) tooShort('venue', get('venue'), 2);
    if (!tooLong('address', get('address'), EVENT_TEXT_LIMITS.address)) tooShort('address', get('address'), 4);
    tooLong('notes', get('notes'), EVENT_TEXT_LIMITS.notes);
    const lists = { organisers: splitList(get('organisers')), hosts: splitList(get('hosts')), brands: splitList(get('brands')) };
    for (const k of ['organisers', 'hosts', 'brands'] as const) {
      const max = k === 'brands' ? EVENT_TEXT_LIMITS.brand : EVENT_TEXT_LIMITS.organisation;
      if (lists[k].length > EVENT_LIST_LIMIT) add(k, `填了 ${lists[k].length} 个，最多 ${EVENT_LIST_LIMIT} 个`, `只留最主要的 ${EVENT_LIST_LIMIT} 个`);
      else lists[k].forEach((item, i) => { if (!tooLong(k, item, max, `第${i + 1}个`) && k !== 'brands') tooShort(k, item, 2, `第${i + 1}个`); });
    }
    if (get('phone') && !/^[0-9\-（）() ]{5,20}$/u.test(get('phone'))) {
      add('phone', `${quote(get('phone'))}不是电话号码的写法`, '只写一个号码，用数字、连字符（-）和括号，5—20 个字符，例如 025-12345678；其他号码写在备注里');
    }

    const city = get('city') ? match.city(get('city')) : undefined;
    if (get('city') && !city) add('city', `${quote(get('city'))}不是江苏的设区市`, `填写 ${match.cities.map((c) => c.shortName).join('、')} 之一（带不带“市”都可以）`);
    let county: RegionEntry | undefined;
    if (get('county') && city) {
      county = match.county(city, get('county'));
      if (!county) {
        const elsewhere = match.countyAnywhere(get('county'));
        const parent = elsewhere ? ctx.regions.find((r) => r.id === elsewhere.parent) : undefined;
        add('county', `${quote(get('county'))}不是${city.name}的县（市、区）${parent ? `，它属于${parent.name}` : ''}`, `检查「${label('city')}」和「${label('county')}」是否填对；${city.name}下辖：${ctx.regions.filter((r) => r.parent === city.id).map((r) => r.name).join('、')}`);
      }
    }

    const type = get('type') ? parseType(get('type')) : undefined;
    if (get('type') && !type) add('type', `${quote(get('type'))}不是活动类型`, `填写 ${Object.values(EVENT_TYPE_LABELS).join('、')} 之一`);
    const level = get('level') ? parseLevel(get('level')) : undefined;
    if (get('level') && !level) add('level', `${quote(get('level'))}不是活动级别`, `填写 ${Object.values(EVENT_LEVEL_LABELS).join('、')} 之一`);
    if (level === 'county' && city && !get('county')) add('county', '县区级活动必须填写县（市、区）', `填写${city.name}下辖的县（市、区）`);

    const start = get('start') ? parseDateTime(get('start')) : {};
    if (start.error) add('start', start.error, start.fix ?? DATE_TIME_FIX);
    const end = get('end') ? parseDateTime(get('end')) : {};
    if (end.error) add('end', end.error, end.fix ?? DATE_TIME_FIX);
    if (start.value && end.value && Date.parse(end.value) < Date.parse(start.value)) add('end', '结束时间早于开始时间', `检查「${label('start')}」和「${label('end')}」是否填反`);
    const year = start.value ? Number(start.value.slice(0, 4)) : undefined;
    if (year !== undefined && year < 2026) add('start', `${label('start')}是${year}年，本网站只收2026年及以后的活动`, '核对年份；往年的活动不用导入');

    const point = readPoint(get, add, label, { city, county, plausibility, confirm: ctx.confirmCoordinates ?? false, notes, rowNo });

    const serviceWords = splitList(get('services'));
    const serviceKeys = serviceWords.map((w) => (Object.entries(EVENT_SERVICE_LABELS).find(([k, l]) => l === w || k === w)?.[0]));
    serviceWords.forEach((w, i) => { if (!serviceKeys[i]) add('services', `${quote(w)}不是现场服务项目`, `填写 ${Object.values(EVENT_SERVICE_LABELS).join('、')}，多项用顿号分开`); });

    const givenId = get('id');
    const idProblem = givenId ? eventIdProblem(givenId) : undefined;
    if (idProblem) add('id', idProblem, ID_PATTERN.test(givenId) ? '换一个编号，例如在前面加上年份和城市：2026-nanjing-001；也可以不填，由系统生成' : '只用小写字母、数字和连字符（不能有 / 或 \\ 等符号），3—64 个字符，例如 2026-nanjing-001；也可以不填，由系统生成');

    if (rowProblems.length > 0 || !city || !type || !level || !start.value || !end.value || !point || year === undefined) {
      problems.push(...rowProblems);
      return;
    }
    const draft = {
      title: get('title'),
      year,
      type,
      level,
      city: city.id,
      ...(county ? { county: county.id } : {}),
      venue: { name: get('venue'), address: get('address') },
      lat: point.lat,
      lng: point.lng,
      start: start.value,
      end: end.value,
      organisers: lists.organisers,
      hosts: lists.hosts,
      brands: lists.brands,
      services: serviceKeys.filter((k): k is string => Boolean(k)),
      policies: ['trade-in', 'purchase', 'credit'],
      status: 'planned' as const,
      ...(get('phone') ? { phone: get('phone') } : {}),
      ...(get('notes') ? { notes: get('notes') } : {}),
      demo: false,
    };
    const checked = ctx.validate(draft);
    if (!checked.ok) {
      for (const issue of checked.issues) problems.push({ row: rowNo, ...explainIssue(issue.path, draft, label) });
      return;
    }
    const id = givenId || makeEventId(draft);
    idRows.set(id, [...(idRows.get(id) ?? []), rowNo]);
    events.push({ row: rowNo, event: { id, ...checked.value, county: checked.value.county } });
  });
  for (const [id, rowsWithId] of idRows) {
    if (rowsWithId.length > 1) {
      for (const r of rowsWithId) problems.push({ row: r, column: label('id'), message: `活动编号 ${id} 与第${rowsWithId.filter((x) => x !== r).join('、')}行重复`, fix: '同一活动只保留一行；不同活动请给不同编号，或不填编号' });
    }
  }
  ctx.onProgress?.(dataRows.length, dataRows.length);
  const byRow = (a: ImportProblem, b: ImportProblem) => (a.row ?? 0) - (b.row ?? 0);
  return { events: problems.length ? [] : events, problems: problems.sort(byRow), notes: notes.sort(byRow), idColumn: label('id') };
}

const DATUM_HINT = '；如果坐标是从高德或腾讯地图复制的，在「坐标系」列填 GCJ02，百度地图的填 BD09';

/** Reads and judges the row's coordinates; adds problems (or, when confirmed, notes). */
function readPoint(
  get: (k: Key) => string,
  add: (k: Key | Key[], message: string, fix: string) => void,
  label: (k: Key) => string,
  { city, county, plausibility, confirm, notes, rowNo }: { city: RegionEntry | undefined; county: RegionEntry | undefined; plausibility: ReturnType<typeof makePlausibility>; confirm: boolean; notes: ImportProblem[]; rowNo: number },
): { lat: number; lng: number } | undefined {
  const datum = parseDatum(get('datum'));
  if (!datum) add('datum', `${quote(get('datum'))}不是认识的坐标系`, '填写 WGS84、GCJ02（高德、腾讯）或 BD09（百度），不填按 WGS84');
  const lng = get('lng') ? parseCoordinate(get('lng'), '118.79143') : {};
  const lat = get('lat') ? parseCoordinate(get('lat'), '32.06141') : {};
  if (lng.error) add('lng', lng.error, lng.fix ?? '');
  if (lat.error) add('lat', lat.error, lat.fix ?? '');
  if (lng.value === undefined || lat.value === undefined || !datum) return undefined;
  const where = `经度 ${get('lng')}、纬度 ${get('lat')}`;
  const both: Key[] = ['lng', 'lat'];
  const hint = datum === 'WGS84' ? DATUM_HINT.replace('「坐标系」', `「${label('datum')}」`) : '';
  const onEarth = (la: number, ln: number) => Math.abs(la) <= 90 && Math.abs(ln) <= 180;
  const inJiangsu = (la: number, ln: number) => onEarth(la, ln) && plausibility.kmOutsideHull(convert({ lat: la, lng: ln }, datum, 'WGS84')) <= HULL_BUFFER_KM;
  if (!inJiangsu(lat.value, lng.value) && inJiangsu(lng.value, lat.value)) {
    add(both, `${where} 不在江苏，像是填反了`, '把经度和纬度对调（江苏的经度约 116—122，纬度约 30—35）');
    return undefined;
  }
  if (!onEarth(lat.value, lng.value)) {
    add(both, `${where} 不是地球上的位置`, '在地图上重新取点；江苏的经度约 116—122，纬度约 30—35');
    return undefined;
  }
  const p = convert({ lat: lat.value, lng: lng.value }, datum, 'WGS84');
  // Without a known city only the Jiangsu rule applies (an unknown id is not judged by county).
  const problems = plausibility.check(p, { city: city?.id ?? '', county: county?.id });
  const say = (problem: PlausibilityProblem): { message: string; fix: string } => {
    const km = (n: number) => `约 ${Math.round(n)} 公里`;
    const confirmFix = '；确认地点无误（例如在省界、海边或县界附近）时，加 --confirm-coordinates 重新运行';
    switch (problem.rule) {
      case 'outside-jiangsu':
        return problem.hard
          ? { message: `${where} 不在江苏（离最近的江苏县（市、区）政府驻地${problem.nearest.name}${km(problem.nearestKm)}）`, fix: `在地图上重新取点，复制经纬度${hint}` }
          : { message: `${where} 在江苏各县（市、区）政府驻地连成的范围以外${km(problem.kmOutside)}（离${problem.nearest.name}政府驻地${km(problem.nearestKm)}），可能不在江苏`, fix: `核对坐标${hint}${confirmFix}` };
      case 'far-from-own-seat':
        return { message: `坐标离${problem.seat.name}政府驻地${km(problem.km)}，不像在${county ? county.name : city!.name}`, fix: `核对坐标和「${label(county ? 'county' : 'city')}」是否对应${hint}` };
      case 'nearer-other-seat':
        return { message: `坐标离${problem.seat.name}政府驻地${km(problem.km)}，离${problem.nearest.name}政府驻地却只有${km(problem.nearestKm)}，像是${problem.nearest.name}的地点`, fix: `核对坐标和「${label(county ? 'county' : 'city')}」是否对应${hint}${confirmFix}` };
    }
  };
  let ok = true;
  for (const problem of problems) {
    const { message, fix } = say(problem);
    if (confirm && !problem.hard) notes.push({ row: rowNo, column: both.map(label), message: `${message}；已按 --confirm-coordinates 接受`, fix: '' });
    else { add(both, message, fix); ok = false; }
  }
  return ok ? { lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 } : undefined;
}

/**
 * A schema issue as the editor needs it: the sheet's column and a plain sentence with the fix.
 * The checks above catch what the schema checks, so this is the safety net for whatever the
 * schema adds later; it never passes on the validator's own wording.
 */
export function explainIssue(path: readonly PropertyKey[], draft: Record<string, unknown>, label: (k: ColumnKey) => string = (k) => COLUMN_NAMES[k]): { column: string; message: string; fix: string } {
  const [head, second] = path;
  const value = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), draft);
  const text = typeof value === 'string' ? value : undefined;
  const lengthSentence = (max: number, min: number) => text === undefined
    ? { message: '内容不符合要求', fix: '对照模板的填写说明改正' }
    : cleanText(text).length > max
      ? { message: `有 ${cleanText(text).length} 个字，最多 ${max} 个字`, fix: `删减到 ${max} 个字以内` }
      : { message: `${quote(text)}太短或有不能用的字符，至少 ${min} 个字`, fix: '写全称，不要只填符号' };
  switch (head) {
    case 'title': return { column: label('title'), ...lengthSentence(EVENT_TEXT_LIMITS.title, 2) };
    case 'venue':
      return second === 'name' ? { column: label('venue'), ...lengthSentence(EVENT_TEXT_LIMITS.venue, 2) } : { column: label('address'), ...lengthSentence(EVENT_TEXT_LIMITS.address, 4) };
    case 'notes': return { column: label('notes'), ...lengthSentence(EVENT_TEXT_LIMITS.notes, 1) };
    case 'organisers':
    case 'hosts':
    case 'brands': {
      const list = Array.isArray(draft[head]) ? (draft[head] as unknown[]) : [];
      if (typeof second !== 'number') {
        return list.length > EVENT_LIST_LIMIT
          ? { column: label(head), message: `填了 ${list.length} 个，最多 ${EVENT_LIST_LIMIT} 个`, fix: `只留最主要的 ${EVENT_LIST_LIMIT} 个` }
          : { column: label(head), message: '至少要填一个', fix: '多个用顿号分开' };
      }
      return { column: label(head), ...lengthSentence(head === 'brands' ? EVENT_TEXT_LIMITS.brand : EVENT_TEXT_LIMITS.organisation, head === 'brands' ? 1 : 2) };
    }
    case 'year': return { column: label('start'), message: `${label('start')}是${String(draft['year'])}年，本网站只收2026年及以后的活动`, fix: '核对年份；往年的活动不用导入' };
    case 'start':
    case 'end': return head === 'end' && typeof draft['start'] === 'string' && typeof draft['end'] === 'string' && Date.parse(draft['end']) < Date.parse(draft['start'])
      ? { column: label('end'), message: '结束时间早于开始时间', fix: `检查「${label('start')}」和「${label('end')}」是否填反` }
      : { column: label(head), message: '时间看不懂', fix: DATE_TIME_FIX };
    case 'lat':
    case 'lng': return { column: label(head), message: '经纬度超出范围', fix: '在地图上重新取点；江苏的经度约 116—122，纬度约 30—35' };
    case 'city': return { column: label('city'), message: '设区市不对', fix: '填写江苏 13 个设区市之一，例如 南京' };
    case 'county': return { column: label('county'), message: '县（市、区）与设区市对不上', fix: `检查「${label('city')}」和「${label('county')}」是否填对` };
    case 'type': return { column: label('type'), message: '活动类型不对', fix: `填写 ${Object.values(EVENT_TYPE_LABELS).join('、')} 之一` };
    case 'level': return { column: label('level'), message: '活动级别不对', fix: `填写 ${Object.values(EVENT_LEVEL_LABELS).join('、')} 之一` };
    case 'services': return { column: label('services'), message: '现场服务项目不对', fix: `填写 ${Object.values(EVENT_SERVICE_LABELS).join('、')}，多项用顿号分开` };
    case 'phone': return { column: label('phone'), message: `${quote(text ?? '')}不是电话号码的写法`, fix: '只写一个号码，用数字、连字符（-）和括号，5—20 个字符，例如 025-12345678' };
    default: return { column: '（整行）', message: '这一行有网站不接受的内容', fix: '对照模板的填写说明检查这一行；仍不清楚时把这一行发给网站管理员' };
  }
}

// ---------------------------------------------------------------------------------------------
// Writing: where each event goes, and what an existing file blocks

/** An event file already on the site: its path below the events folder, text, and demo flag. */
export interface ExistingFile { path: string; text: string; demo: boolean }

/** What importing one event will do. */
export interface WritePlan { row: number; event: EventItem; path: string; text: string; state: 'new' | 'same' | 'changed' }

/**
 * Where each event goes (always `<city>/<id>.yaml` below the events folder) and what is already
 * there. Refused, whatever --update says: an id used by a file anywhere else (another city's
 * folder: the event would move; the demo folder; any other place), and an id of a demo event
 * (a demo never becomes a real event). Paths use "/"; ids cannot hold separators (checked above).
 */
export function planWrites(events: readonly ImportedEvent[], existing: ReadonlyMap<string, readonly ExistingFile[]>, regions: readonly RegionEntry[], idColumn = COLUMN_NAMES.id): { plan: WritePlan[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const plan: WritePlan[] = [];
  const nameOf = (id: string) => regions.find((r) => r.id === id)?.name ?? id;
  for (const { row, event } of events) {
    const path = `${event.city}/${event.id}.yaml`;
    const files = existing.get(event.id) ?? [];
    const refuse = (message: string, fix: string) => problems.push({ row, column: idColumn, message: `活动编号 ${event.id}：${message}`, fix });
    let blocked = false;
    for (const f of files) {
      if (f.demo) {
        refuse(`已被示例活动使用（${f.path}），示例活动不能变成真实活动`, '换一个活动编号，或不填编号由系统生成');
        blocked = true;
      } else if (f.path !== path) {
        const folder = f.path.split('/')[0] ?? '';
        const otherCity = folder !== event.city && regions.some((r) => r.id === folder && r.type === 'city') && f.path === `${folder}/${event.id}.yaml`;
        if (otherCity) refuse(`网站上已是${nameOf(folder)}的活动（${f.path}），表格里填的是${nameOf(event.city)}；导入不会把活动挪到别的设区市`, `如果是另一个活动，换一个活动编号；如果确实要改设区市，先删除 ${f.path} 再导入`);
        else refuse(`已被 ${f.path} 使用，它不在 ${event.city}/ 文件夹里`, `换一个活动编号，或先把 ${f.path} 移走`);
        blocked = true;
      }
    }
    if (blocked) continue;
    const text = eventToYaml(event);
    const current = files.find((f) => f.path === path);
    plan.push({ row, event, path, text, state: current === undefined ? 'new' : current.text === text ? 'same' : 'changed' });
  }
  return { plan, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
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
