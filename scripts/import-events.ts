/**
 * Imports a city's event submission sheet into content/events/:
 *   npm run import -- <file.xlsx|file.csv> [--dry-run] [--update]
 *
 * Reads .xlsx, or .csv in UTF-8 (with or without BOM) or GB18030/GBK. Every row is checked
 * with the site's own schema; on any problem it prints every problem (row, column, what is
 * wrong, how to fix it), exits 1 and writes nothing. On success it writes one file per event
 * atomically. Re-importing the same sheet changes nothing; a file edited by hand is never
 * overwritten silently (--update replaces it).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { decodeSheetBytes, eventToYaml, formatProblem, rowsToEvents } from '../src/lib/import-events.ts';
import type { RegionEntry } from '../src/lib/regions.ts';
import { plainRef, REGIONS } from '../src/schemas/common.ts';
import { eventSchema } from '../src/schemas/event.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const dryRun = args.includes('--dry-run');
const update = args.includes('--update');
const outDir = process.env.EVENTS_DIR ?? 'content/events';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!file) fail('用法：npm run import -- <报送表.xlsx 或 .csv> [--dry-run] [--update]');
if (!existsSync(file)) fail(`找不到文件：${file}`);

/** Cell text as an editor sees it; dates become Shanghai wall-clock text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates carry no zone; ExcelJS gives the wall clock as UTC fields.
    const p = (n: number) => String(n).padStart(2, '0');
    return `${value.getUTCFullYear()}-${p(value.getUTCMonth() + 1)}-${p(value.getUTCDate())} ${p(value.getUTCHours())}:${p(value.getUTCMinutes())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function readRows(path: string): Promise<string[][]> {
  const ext = extname(path).toLowerCase();
  const bytes = readFileSync(path);
  if (ext === '.xlsx') {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      fail(`无法读取 ${basename(path)}：不是有效的 Excel（.xlsx）文件（${(error as Error).message}）。请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后再试。`);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const rows: string[][] = [];
    const width = Math.max(sheet.columnCount, 1);
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    });
    return Array.from(rows, (r) => r ?? []);
  }
  if (ext === '.csv' || ext === '.txt') {
    const { text, encoding } = decodeSheetBytes(bytes);
    if (encoding !== 'UTF-8') console.error(`按 ${encoding} 编码读取 ${basename(path)}。`);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
    if (parsed.errors.some((e) => e.type === 'Quotes')) fail(`无法读取 ${basename(path)}：第${(parsed.errors[0]?.row ?? 0) + 1}行的引号没有配对。请用 Excel 重新另存为 CSV。`);
    return parsed.data;
  }
  fail(`无法读取 ${basename(path)}：只支持 .xlsx 和 .csv 文件。`);
}

/** Every existing event file, by id. */
function existingFiles(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  if (!existsSync(dir)) return map;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.yaml')) map.set(entry.name.replace(/\.yaml$/u, ''), join(entry.parentPath, entry.name));
  }
  return map;
}

const rows = await readRows(file);
const schema = eventSchema(plainRef);
const showProgress = rows.length > 200;
const { events, problems } = rowsToEvents(rows, {
  regions: REGIONS as RegionEntry[],
  validate: (e) => {
    const r = schema.safeParse(e);
    return r.success ? [] : r.error.issues;
  },
  onProgress: showProgress ? (done, total) => process.stderr.write(`\r已检查 ${done}/${total} 行`) : undefined,
});
if (showProgress) process.stderr.write('\n');

if (problems.length > 0) {
  console.error(`${basename(file)} 有 ${problems.length} 处问题，没有导入任何活动：`);
  for (const p of problems) console.error(`  - ${formatProblem(p)}`);
  process.exit(1);
}

const existing = existingFiles(outDir);
const plan = events.map((e) => {
  const text = eventToYaml(e);
  const current = existing.get(e.id);
  const target = current ?? join(outDir, e.city, `${e.id}.yaml`);
  const before = current ? readFileSync(current, 'utf8') : undefined;
  const state = before === undefined ? 'new' : before === text ? 'same' : 'changed';
  return { event: e, text, target, state };
});
const conflicts = plan.filter((p) => p.state === 'changed');
const counts = { new: plan.filter((p) => p.state === 'new').length, same: plan.filter((p) => p.state === 'same').length, changed: conflicts.length };

if (conflicts.length > 0 && !update) {
  console.error(`${conflicts.length} 个活动在网站上已有、且内容与表格不同（可能被手工修改过），没有导入任何活动：`);
  for (const c of conflicts) console.error(`  - ${c.event.id}（${c.event.title}）：${relative(process.cwd(), c.target)}`);
  console.error('确认要用表格内容覆盖时，加 --update 重新运行。');
  process.exit(1);
}

const summary = `共 ${events.length} 个活动：新增 ${counts.new} 个，更新 ${update ? counts.changed : 0} 个，未变 ${counts.same} 个。`;
if (dryRun) {
  console.log(`试运行（--dry-run），没有写入文件。${summary}`);
  process.exit(0);
}

// Write every file to a temporary name first, then rename: a failure leaves no half-written event.
const writes = plan.filter((p) => p.state === 'new' || (p.state === 'changed' && update));
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
if (showProgress) process.stderr.write('\n');
console.log(`导入完成。${summary}`);
