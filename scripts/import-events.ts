/**
 * Imports a city's event submission sheet into content/events/:
 *   npm run import -- <file.xlsx|file.csv> [--dry-run] [--update] [--confirm-coordinates]
 *
 * Reads .xlsx (the first sheet, streamed), or .csv in UTF-8 (with or without BOM), UTF-16 or
 * GB18030/GBK. Limits are checked before any heavy work: file size, unpacked size (zip bombs),
 * rows per sheet, and every cell's length (the schema's limits). Every row is checked with the
 * site's own schema; on any problem it prints every problem (row, the sheet's column name, what
 * is wrong, how to fix it), exits 1 and writes nothing. On success it writes one file per event
 * atomically, always to <events dir>/<city>/<id>.yaml. Re-importing the same sheet changes
 * nothing; a file edited by hand is never overwritten silently (--update replaces it); an event
 * never moves to another city and a demo event never becomes a real one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { parseContentText } from '../src/lib/content-files.ts';
import type { EventItem } from '../src/lib/events/events.ts';
import {
  columnLabel,
  describeNumberFormat,
  excelDateText,
  excelSerialToDate,
  formatBytes,
  formatProblem,
  IMPORT_LIMITS,
  notCsvReason,
  planWrites,
  readHeader,
  readZipLayout,
  rowLimitProblem,
  rowsToEvents,
  summariseNotes,
  unzipLimitProblem,
  decodeSheetBytes,
  type ExistingFile,
  type ImportProblem,
  type SheetRow,
  type ZipEntry,
} from '../src/lib/import/index.ts';
import { plainRef, REGIONS } from '../src/schemas/common.ts';
import { collectionFolder } from '../src/config/collections.ts';
import { eventSchema } from '../src/schemas/event.ts';

const USAGE = '用法：npm run import -- <报送表.xlsx 或 .csv> [--dry-run] [--update] [--confirm-coordinates]';
const FLAGS = ['--dry-run', '--update', '--confirm-coordinates'];
const args = process.argv.slice(2);
const outDir = collectionFolder('events');
let finished = false;

function fail(message: string): never {
  finished = true;
  console.error(message);
  process.exit(1);
}
/** A library's own error text, marked as such and kept short, for whoever the editor asks for help. */
const technical = (error: unknown) => `（技术细节：${String((error as Error)?.message ?? error).slice(0, 120)}）`;
/** Things to know that do not stop the import go to stderr, like progress, so stdout is the result. */
const info = (message: string) => console.error(message);

// A stream that stalls must not end the process quietly with status 0.
process.on('beforeExit', () => {
  if (!finished) fail('读取中断，没有导入任何活动。请重新运行；再次出现时，把报送表另存为 .xlsx 或 .csv 后再试。');
});

const unknown = args.filter((a) => a.startsWith('-') && !FLAGS.includes(a));
if (unknown.length > 0) fail(`不认识的选项：${unknown.join(' ')}。${USAGE}`);
const files = args.filter((a) => !a.startsWith('-'));
if (files.length === 0) fail(USAGE);
if (files.length > 1) fail(`一次导入一个文件，现在给了 ${files.length} 个：${files.join('、')}。${USAGE}`);
const file = files[0]!;
const dryRun = args.includes('--dry-run');
const update = args.includes('--update');
const confirmCoordinates = args.includes('--confirm-coordinates');
const name = basename(file);

if (!existsSync(file)) fail(`找不到文件：${file}`);
const stat = statSync(file);
if (!stat.isFile()) fail(`${file} 不是文件。${USAGE}`);
if (stat.size > IMPORT_LIMITS.fileBytes) {
  fail(
    `${name} 有 ${formatBytes(stat.size)}，超过 ${formatBytes(IMPORT_LIMITS.fileBytes)} 的上限，没有读取。报送表一般不到 1 MB：请检查表格里是否放了图片，或把表格拆成几个文件（每个不超过 ${IMPORT_LIMITS.dataRows} 行活动）分别导入。`,
  );
}
const ext = extname(file).toLowerCase();
if (!['.xlsx', '.csv', '.txt'].includes(ext)) fail(`无法读取 ${name}：只支持 .xlsx 和 .csv 文件。旧版 .xls 请在 Excel 或 WPS 里另存为 .xlsx。`);

/** What a sheet gave: rows of text, problems found in cells (formulas, errors), and notes. */
interface Sheet {
  rows: SheetRow[];
  problems: ImportProblem[];
  notes: ImportProblem[];
}

// ---------------------------------------------------------------------------------------------
// CSV

function readCsv(bytes: Buffer): Sheet {
  const { text, encoding } = decodeSheetBytes(bytes);
  const reason = notCsvReason(bytes, text);
  if (reason) fail(`无法读取 ${name}：${formatProblem(reason)}`);
  if (encoding !== 'UTF-8') info(`按 ${encoding} 编码读取 ${name}。`);
  const rows: SheetRow[] = [];
  const problems: ImportProblem[] = [];
  let record = 0;
  let headerSeen = false;
  let dataRows = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      record += 1;
      const cells = result.data;
      if (result.errors.some((e) => e.type === 'Quotes')) {
        problems.push({
          row: record,
          column: null,
          message: '引号没有配对',
          fix: '用 Excel 或 WPS 重新另存为 CSV；手工编辑时，单元格里的英文引号要写成两个（""）',
        });
      }
      if (cells.some((c) => c.trim() !== '')) {
        if (headerSeen) dataRows += 1;
        headerSeen = true;
      }
      if (dataRows > IMPORT_LIMITS.dataRows) {
        parser.abort();
        fail(formatProblem(rowLimitProblem(name, record)));
      }
      rows.push({ row: record, cells });
    },
  });
  return { rows, problems, notes: [] };
}

// ---------------------------------------------------------------------------------------------
// XLSX, streamed. The zip is never handed to the reader as it is: its parts are unpacked here,
// counted against the limit, and passed on as a plain (stored) zip in the order the reader
// streams best (workbook, styles, shared strings, then sheets). Parts the reader does not need
// (pictures, themes …) are never unpacked.

const enc = new TextEncoder();
function storedHeader(partName: string): Buffer {
  const nameBytes = enc.encode(partName);
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(0x0808, 6); // sizes follow the data; UTF-8 name
  b.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([b, nameBytes]);
}
function storedDescriptor(size: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(size, 8);
  b.writeUInt32LE(size, 12);
  return b;
}
const END_OF_ZIP = (() => {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  return b;
})();

interface Part {
  name: string;
  entry?: ZipEntry;
  text?: string;
}

async function* unpack(part: Part, bytes: Buffer): AsyncGenerator<Buffer> {
  if (part.text !== undefined) {
    yield Buffer.from(part.text);
    return;
  }
  const { entry } = part;
  if (!entry) return;
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 65536) yield data.subarray(i, i + 65536);
    return;
  }
  const inflater = createInflateRaw();
  inflater.end(data);
  for await (const chunk of inflater) yield chunk as Buffer;
}

/** The parts as a stored zip, every unpacked byte counted; stops the import past the limit. */
async function* storedZip(parts: Part[], bytes: Buffer): AsyncGenerator<Buffer> {
  let total = 0;
  try {
    for (const part of parts) {
      yield storedHeader(part.name);
      let size = 0;
      for await (const chunk of unpack(part, bytes)) {
        size += chunk.length;
        total += chunk.length;
        if (total > IMPORT_LIMITS.unzippedBytes) fail(formatProblem(unzipLimitProblem(name, bytes.length)));
        yield chunk;
      }
      yield storedDescriptor(size);
    }
    yield END_OF_ZIP;
  } catch (error) {
    fail(`无法读取 ${name}：不是有效的 Excel（.xlsx）文件，内容已损坏${technical(error)}。请用 Excel 或 WPS 打开，另存为 .xlsx 或 .csv 后再试。`);
  }
}

const EMPTY_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/** A cell as text, the way the editor sees it; formulas and error values are reported. */
function readCell(
  value: ExcelJS.CellValue,
  numFmt: string | undefined,
): { text: string; kind?: 'formula' | 'formula-without-value' | 'error'; error?: string } {
  if (value === null || value === undefined) return { text: '' };
  const format = describeNumberFormat(numFmt);
  if (value instanceof Date) return { text: excelDateText(value, format.time) };
  if (typeof value === 'number') {
    // Formula results keep their number; the cell's format says whether it is a date.
    return { text: format.date && value > 1 && value < 80000 ? excelDateText(excelSerialToDate(value), format.time) : String(value) };
  }
  if (typeof value !== 'object') return { text: String(value) };
  if ('error' in value) return { text: '', kind: 'error', error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { text: '', kind: 'formula-without-value' };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result)
      return { text: '', kind: 'error', error: String((result as { error: unknown }).error) };
    return { ...readCell(result as ExcelJS.CellValue, numFmt), kind: 'formula' };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('text' in value) {
    const t = (value as { text: unknown }).text;
    return { text: typeof t === 'object' && t && 'richText' in t ? (t as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') : String(t) };
  }
  return { text: '' };
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const layout = readZipLayout(bytes, name);
  if ('problem' in layout) fail(formatProblem(layout.problem));
  const byName = new Map<string, ZipEntry>();
  for (const e of layout.entries) {
    if (byName.has(e.name)) fail(`无法读取 ${name}：文件里有两个同名部件（${e.name}），不是正常的 Excel 文件。请用 Excel 或 WPS 另存为 .xlsx 后再试。`);
    byName.set(e.name, e);
  }
  if (!byName.has('xl/workbook.xml')) fail(`无法读取 ${name}：不是有效的 Excel（.xlsx）文件（没有工作簿）。请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后再试。`);
  const sheetNumber = (n: string) => Number(/sheet(\d+)\.xml$/u.exec(n)?.[1] ?? 0);
  const sheetParts = layout.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(e.name)).sort((a, b) => sheetNumber(a.name) - sheetNumber(b.name));
  const parts: Part[] = [
    { name: 'xl/workbook.xml', entry: byName.get('xl/workbook.xml')! },
    ...['xl/_rels/workbook.xml.rels', 'xl/styles.xml'].filter((n) => byName.has(n)).map((n) => ({ name: n, entry: byName.get(n)! })),
    byName.has('xl/sharedStrings.xml')
      ? { name: 'xl/sharedStrings.xml', entry: byName.get('xl/sharedStrings.xml')! }
      : { name: 'xl/sharedStrings.xml', text: EMPTY_SHARED_STRINGS },
    ...sheetParts.map((e) => ({ name: e.name, entry: e })),
  ];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(storedZip(parts, bytes)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows: SheetRow[] = [];
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  try {
    for await (const worksheet of reader) {
      const tabs = (reader as unknown as { model?: { sheets?: { name: string; state?: string }[] } }).model?.sheets ?? [];
      const target = tabs.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden')?.name;
      const sheetName = (worksheet as unknown as { name: string }).name;
      // A writer whose parts the reader cannot match to tab names still gets its first sheet read.
      if (target !== undefined && sheetName !== target && tabs.some((t) => t.name === sheetName)) continue;
      const others = tabs.map((s) => s.name).filter((n) => n !== sheetName);
      info(`读取工作表「${sheetName}」${others.length ? `（只读第一个工作表；${others.map((n) => `「${n}」`).join('')}没有读取）` : ''}。`);

      let header: { labels: string[]; known: boolean[] } | undefined;
      let dataRows = 0;
      for await (const row of worksheet) {
        const cells: string[] = [];
        const flagged: { col: number; kind: 'formula' | 'formula-without-value' | 'error'; text: string; error?: string }[] = [];
        const width = header ? header.labels.length : 1000;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > width) return;
          const read = readCell(cell.value, cell.numFmt);
          cells[col - 1] = read.text;
          if (read.kind) flagged.push({ col, kind: read.kind, text: read.text, ...(read.error ? { error: read.error } : {}) });
        });
        for (let i = 0; i < cells.length; i += 1) cells[i] ??= '';
        if (!cells.some((c) => c.trim() !== '') && flagged.length === 0) continue;
        if (!header) {
          header = { labels: cells.map(columnLabel), known: readHeader(cells).keys.map(Boolean) };
          rows.push({ row: row.number, cells });
          continue;
        }
        dataRows += 1;
        if (dataRows > IMPORT_LIMITS.dataRows) fail(formatProblem(rowLimitProblem(`${name} 的工作表「${sheetName}」`, row.number)));
        rows.push({ row: row.number, cells });
        for (const f of flagged) {
          if (!header.known[f.col - 1]) continue;
          const column = header.labels[f.col - 1]!;
          if (f.kind === 'formula')
            notes.push({
              row: row.number,
              column,
              message: `是公式，已按它的计算结果${f.text ? `“${f.text}”` : '（空）'}导入`,
              fix: '结果不对时，把公式换成直接填写的内容',
            });
          else if (f.kind === 'error')
            problems.push({
              row: row.number,
              column,
              message: `是错误值 ${f.error ?? ''}（公式算不出结果）`,
              fix: '在 Excel 里改正这一格的公式，或直接填写内容',
            });
          else
            problems.push({
              row: row.number,
              column,
              message: '是公式，但文件里没有保存计算结果',
              fix: '用 Excel 或 WPS 打开、保存一次再导入；或复制这一列，“选择性粘贴 → 数值”',
            });
        }
      }
      break;
    }
  } catch (error) {
    fail(`无法读取 ${name}：不是有效的 Excel（.xlsx）文件${technical(error)}。请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后再试。`);
  }
  return { rows, problems, notes };
}

// ---------------------------------------------------------------------------------------------
// Check, plan, write

/** Every existing event file, by id (its file name), with its path below the events folder. */
function existingFiles(dir: string): Map<string, ExistingFile[]> {
  const map = new Map<string, ExistingFile[]>();
  if (!existsSync(dir)) return map;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const full = join(entry.parentPath, entry.name);
    const text = readFileSync(full, 'utf8');
    let demo: boolean;
    try {
      demo = (parseContentText(full, text) as { demo?: unknown } | null)?.demo === true;
    } catch {
      demo = /^demo:\s*true\b/mu.test(text);
    }
    const id = entry.name.replace(/\.yaml$/u, '');
    map.set(id, [...(map.get(id) ?? []), { path: relative(dir, full).split(sep).join('/'), text, demo }]);
  }
  return map;
}

const bytes = readFileSync(file);
const sheet = ext === '.xlsx' ? await readXlsx(bytes) : readCsv(bytes);
const schema = eventSchema(plainRef);
const showProgress = sheet.rows.length > 200;
const result = rowsToEvents(sheet.rows, {
  regions: REGIONS,
  validate: (e) => {
    const r = schema.safeParse(e);
    return r.success ? { ok: true, value: r.data as unknown as Omit<EventItem, 'id'> } : { ok: false, issues: r.error.issues };
  },
  confirmCoordinates,
  onProgress: showProgress ? (done, total) => process.stderr.write(`\r已检查 ${done}/${total} 行`) : undefined,
});
if (showProgress) process.stderr.write('\n');

const notes = [...sheet.notes, ...result.notes];
if (notes.length > 0) {
  info('注意：');
  for (const line of summariseNotes(notes)) info(`  - ${line}`);
}
// A cell already reported as a formula or error value is not reported again as empty.
const key = (p: ImportProblem) => `${p.row}|${String(p.column)}`;
const flaggedCells = new Set(sheet.problems.map(key));
const problems = [...sheet.problems, ...result.problems.filter((p) => !flaggedCells.has(key(p)))].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
if (problems.length > 0) {
  fail([`${name} 有 ${problems.length} 处问题，没有导入任何活动：`, ...problems.map((p) => `  - ${formatProblem(p)}`)].join('\n'));
}

const { plan, problems: placeProblems } = planWrites(result.events, existingFiles(outDir), REGIONS, result.idColumn);
if (placeProblems.length > 0) {
  fail([`${placeProblems.length} 个活动编号与网站上已有的文件冲突，没有导入任何活动：`, ...placeProblems.map((p) => `  - ${formatProblem(p)}`)].join('\n'));
}
const conflicts = plan.filter((p) => p.state === 'changed');
const counts = { new: plan.filter((p) => p.state === 'new').length, same: plan.filter((p) => p.state === 'same').length, changed: conflicts.length };

if (conflicts.length > 0 && !update) {
  fail(
    [
      `${conflicts.length} 个活动在网站上已有、且内容与表格不同（可能被手工修改过），没有导入任何活动：`,
      ...conflicts.map((c) => `  - 第${c.row}行 ${c.event.id}（${c.event.title}）：${join(outDir, c.path)}`),
      '确认要用表格内容覆盖时，加 --update 重新运行。',
    ].join('\n'),
  );
}

const summary = `共 ${plan.length} 个活动：新增 ${counts.new} 个，更新 ${update ? counts.changed : 0} 个，未变 ${counts.same} 个。`;
if (dryRun) {
  finished = true;
  console.log(`试运行（--dry-run），没有写入文件。${summary}`);
  process.exit(0);
}

// Every target is <events dir>/<city>/<id>.yaml; checked again here so no bug can write elsewhere.
const root = resolve(outDir);
const writes = plan
  .filter((p) => p.state === 'new' || (p.state === 'changed' && update))
  .map((p) => {
    const target = resolve(root, p.path);
    if (dirname(target) !== join(root, p.event.city) || basename(target) !== `${p.event.id}.yaml`)
      fail(`内部错误：第${p.row}行的活动会写到 ${target}，不在 ${join(root, p.event.city)} 里，没有导入任何活动。`);
    return { ...p, target };
  });
// Write every file to a temporary name first, then rename: a failure leaves no half-written event.
const temps: [string, string][] = [];
try {
  writes.forEach((w, i) => {
    mkdirSync(dirname(w.target), { recursive: true });
    const tmp = `${w.target}.${process.pid}.tmp`;
    writeFileSync(tmp, w.text);
    temps.push([tmp, w.target]);
    if (showProgress && (i + 1) % 100 === 0) process.stderr.write(`\r已写入 ${i + 1}/${writes.length} 个文件`);
  });
} catch (error) {
  for (const [tmp] of temps) rmSync(tmp, { force: true });
  fail(`写入失败，没有导入任何活动：${(error as Error).message}`);
}
for (const [tmp, target] of temps) renameSync(tmp, target);
if (showProgress && writes.length >= 100) process.stderr.write('\n');
finished = true;
console.log(`导入完成。${summary}`);
