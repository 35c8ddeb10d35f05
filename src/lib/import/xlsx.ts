/**
 * The sheet importer: reading the first visible worksheet of an .xlsx into rows of text, the same
 * way on the command line and in the browser's sheet checker (a Web Worker). The zip's layout is
 * checked first (zip.ts); then only the parts needed are inflated (fflate), in small slices, with
 * every unpacked byte counted against the limit, and parsed as a stream (saxes): a zip bomb or a
 * million-row sheet stops at the limit instead of filling the memory. Pure: bytes in, rows out.
 */
import { IMPORT_LIMITS } from './limits.ts';
import { parsePart, resave, Stop, technical, type Budget } from './parts.ts';
import { columnLabel, readHeader } from './columns.ts';
import { describeNumberFormat, excelDateText, excelSerialToDate } from './cells.ts';
import { formatProblem, type ImportProblem } from './problems.ts';
import type { SheetRow } from './rows.ts';
import { readZipLayout, rowLimitProblem, type ZipEntry } from './zip.ts';

/** What a sheet gave: rows of text, problems found in cells (formulas, errors), notes, and what was read. */
export interface SheetRead {
  rows: SheetRow[];
  problems: ImportProblem[];
  notes: ImportProblem[];
  /** Lines for the editor about how the file was read (encoding, which worksheet). */
  info: string[];
}

/** A file that cannot be read at all: one message, nothing imported. */
export interface SheetRefusal {
  refused: string;
  /** How far reading got (which worksheet), when it got that far. */
  info?: string[];
}

/** Excel's built-in number formats that show a date or a time (ids without a format code in the file). */
const BUILT_IN_FORMATS: Record<number, string> = {
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Column index (0-based) of a cell reference such as "AB12". */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

type CellKind = 'formula' | 'formula-without-value' | 'error';

/** Reads the first visible worksheet of an .xlsx into rows of text, the way the editor sees them. */
export function readXlsxSheet(bytes: Uint8Array, fileName: string): SheetRead | SheetRefusal {
  const info: string[] = [];
  try {
    return readXlsx(bytes, fileName, info);
  } catch (error) {
    if (error instanceof Stop) return { refused: error.refused, info };
    return { refused: `无法读取 ${fileName}：不是有效的 Excel（.xlsx）文件${technical(error)}。${resave}`, info };
  }
}

function readXlsx(bytes: Uint8Array, fileName: string, info: string[]): SheetRead {
  const layout = readZipLayout(bytes, fileName);
  if ('problem' in layout) throw new Stop(formatProblem(layout.problem));
  const byName = new Map<string, ZipEntry>();
  for (const e of layout.entries) {
    if (byName.has(e.name))
      throw new Stop(`无法读取 ${fileName}：文件里有两个同名部件（${e.name}），不是正常的 Excel 文件。${resave.replace('.xlsx 或 .csv 后', '.xlsx 后')}`);
    byName.set(e.name, e);
  }
  const workbookEntry = byName.get('xl/workbook.xml');
  if (!workbookEntry) throw new Stop(`无法读取 ${fileName}：不是有效的 Excel（.xlsx）文件（没有工作簿）。${resave}`);
  const budget: Budget = { used: 0 };

  // Workbook: the tabs in order, whether hidden, and the 1904 date system.
  const tabs: { name: string; hidden: boolean; rid: string }[] = [];
  let date1904 = false;
  parsePart(bytes, workbookEntry, budget, fileName, {
    open: (tag, a) => {
      if (tag === 'sheet')
        tabs.push({ name: a['name'] ?? '', hidden: a['state'] === 'hidden' || a['state'] === 'veryHidden', rid: a['r:id'] ?? a['id'] ?? '' });
      if (tag === 'workbookPr' && (a['date1904'] === '1' || a['date1904'] === 'true')) date1904 = true;
    },
  });
  const targets = new Map<string, string>();
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    parsePart(bytes, rels, budget, fileName, {
      open: (tag, a) => {
        if (tag !== 'Relationship' || !a['Id'] || !a['Target']) return;
        const t = a['Target'];
        targets.set(a['Id'], t.startsWith('/') ? t.slice(1) : `xl/${t}`);
      },
    });
  }
  const sheetNumber = (n: string) => Number(/sheet(\d+)\.xml$/u.exec(n)?.[1] ?? 0);
  const sheetParts = layout.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(e.name)).sort((a, b) => sheetNumber(a.name) - sheetNumber(b.name));
  const tab = tabs.find((t) => !t.hidden);
  const part = (tab && byName.get(targets.get(tab.rid) ?? '')) ?? sheetParts[0];
  if (!part) throw new Stop(`无法读取 ${fileName}：不是有效的 Excel（.xlsx）文件（没有工作表）。${resave}`);
  const sheetName = tab && byName.get(targets.get(tab.rid) ?? '') ? tab.name : (tabs[sheetParts.indexOf(part)]?.name ?? tab?.name ?? 'Sheet1');
  const others = tabs.map((t) => t.name).filter((n) => n !== sheetName);
  info.push(`读取工作表「${sheetName}」${others.length ? `（只读第一个工作表；${others.map((n) => `「${n}」`).join('')}没有读取）` : ''}。`);

  // Styles: which cell style shows a date, and a time.
  const formats = new Map<number, string>();
  const styleFormats: string[] = [];
  const styles = byName.get('xl/styles.xml');
  if (styles) {
    let inCellXfs = false;
    parsePart(bytes, styles, budget, fileName, {
      open: (tag, a) => {
        if (tag === 'numFmt') formats.set(Number(a['numFmtId']), a['formatCode'] ?? '');
        else if (tag === 'cellXfs') inCellXfs = true;
        else if (tag === 'xf' && inCellXfs) {
          const id = Number(a['numFmtId'] ?? 0);
          styleFormats.push(formats.get(id) ?? BUILT_IN_FORMATS[id] ?? '');
        }
      },
      close: (tag) => {
        if (tag === 'cellXfs') inCellXfs = false;
      },
    });
  }
  const styleKinds = styleFormats.map(describeNumberFormat);

  // Shared strings: the text of each <si>, without phonetic guides (<rPh>).
  const shared: string[] = [];
  const strings = byName.get('xl/sharedStrings.xml');
  if (strings) {
    let current: string[] | undefined;
    let inT = false;
    let inPhonetic = false;
    parsePart(bytes, strings, budget, fileName, {
      open: (tag) => {
        if (tag === 'si') current = [];
        else if (tag === 'rPh') inPhonetic = true;
        else if (tag === 't') inT = true;
      },
      close: (tag) => {
        if (tag === 'si') {
          shared.push((current ?? []).join(''));
          current = undefined;
        } else if (tag === 'rPh') inPhonetic = false;
        else if (tag === 't') inT = false;
      },
      text: (text) => {
        if (inT && !inPhonetic && current) current.push(text);
      },
    });
  }

  const rows: SheetRow[] = [];
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  let header: { labels: string[]; known: boolean[] } | undefined;
  let dataRows = 0;

  // The row being read.
  let rowNumber = 0;
  let cells: string[] = [];
  let flagged: { col: number; kind: CellKind; text: string; error?: string }[] = [];
  // The cell being read.
  let col = -1;
  let type = '';
  let style = 0;
  let hasFormula = false;
  let value: string[] | undefined;
  let inline: string[] | undefined;
  let inV = false;
  let inT = false;
  let inPhonetic = false;

  const cellText = (): { text: string; kind?: CellKind; error?: string } => {
    const v = value?.join('');
    const formula = hasFormula ? ('formula' as const) : undefined;
    if (type === 'inlineStr') return { text: (inline ?? []).join('') };
    if (v === undefined) return hasFormula ? { text: '', kind: 'formula-without-value' } : { text: '' };
    if (type === 'e') return { text: '', kind: 'error', error: v };
    if (type === 's') return { text: shared[Number(v)] ?? '', ...(formula ? { kind: formula } : {}) };
    if (type === 'str') return { text: v, ...(formula ? { kind: formula } : {}) };
    if (type === 'b') return { text: v === '1' ? 'true' : 'false', ...(formula ? { kind: formula } : {}) };
    if (type === 'd') {
      const d = new Date(v.endsWith('Z') || /[+-]\d\d:\d\d$/u.test(v) ? v : `${v}Z`);
      return { text: Number.isNaN(d.getTime()) ? v : excelDateText(d, styleKinds[style]?.time ?? false), ...(formula ? { kind: formula } : {}) };
    }
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) return { text: v, ...(formula ? { kind: formula } : {}) };
    const kind = styleKinds[style];
    const serial = date1904 ? n + 1462 : n;
    const text = kind?.date && serial > 1 && serial < 80000 ? excelDateText(excelSerialToDate(serial), kind.time) : String(n);
    return { text, ...(formula ? { kind: formula } : {}) };
  };

  const endRow = () => {
    for (let i = 0; i < cells.length; i += 1) cells[i] ??= '';
    if (!cells.some((c) => c.trim() !== '') && flagged.length === 0) return;
    if (!header) {
      header = { labels: cells.map(columnLabel), known: readHeader(cells).keys.map(Boolean) };
      rows.push({ row: rowNumber, cells });
      return;
    }
    dataRows += 1;
    if (dataRows > IMPORT_LIMITS.dataRows) throw new Stop(formatProblem(rowLimitProblem(`${fileName} 的工作表「${sheetName}」`, rowNumber)));
    rows.push({ row: rowNumber, cells });
    for (const f of flagged) {
      if (!header.known[f.col]) continue;
      const column = header.labels[f.col]!;
      if (f.kind === 'formula')
        notes.push({
          row: rowNumber,
          column,
          message: `是公式，已按它的计算结果${f.text ? `“${f.text}”` : '（空）'}导入`,
          fix: '结果不对时，把公式换成直接填写的内容',
        });
      else if (f.kind === 'error')
        problems.push({ row: rowNumber, column, message: `是错误值 ${f.error ?? ''}（公式算不出结果）`, fix: '在 Excel 里改正这一格的公式，或直接填写内容' });
      else
        problems.push({
          row: rowNumber,
          column,
          message: '是公式，但文件里没有保存计算结果',
          fix: '用 Excel 或 WPS 打开、保存一次再导入；或复制这一列，“选择性粘贴 → 数值”',
        });
    }
  };

  parsePart(bytes, part, budget, fileName, {
    open: (tag, a) => {
      switch (tag) {
        case 'row':
          rowNumber = a['r'] ? Number(a['r']) : rowNumber + 1;
          cells = [];
          flagged = [];
          col = -1;
          break;
        case 'c':
          col = a['r'] ? columnIndex(a['r']) : col + 1;
          type = a['t'] ?? 'n';
          style = Number(a['s'] ?? 0);
          hasFormula = false;
          value = undefined;
          inline = undefined;
          break;
        case 'f':
          hasFormula = true;
          break;
        case 'v':
          value = [];
          inV = true;
          break;
        case 'is':
          inline = [];
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          inT = true;
          break;
      }
    },
    close: (tag) => {
      switch (tag) {
        case 'row':
          endRow();
          break;
        case 'c': {
          const width = header ? header.labels.length : 1000;
          if (col < 0 || col >= width) break;
          const read = cellText();
          if (read.text === '' && !read.kind && type !== 'inlineStr' && value === undefined) break;
          cells[col] = read.text;
          if (read.kind) flagged.push({ col, kind: read.kind, text: read.text, ...(read.error ? { error: read.error } : {}) });
          break;
        }
        case 'v':
          inV = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 't':
          inT = false;
          break;
      }
    },
    text: (text) => {
      if (inT && inline && !inPhonetic) inline.push(text);
      else if (inV && value) value.push(text);
    },
  });
  return { rows, problems, notes, info };
}
