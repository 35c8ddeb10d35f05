/**
 * Imports a city's event submission sheet into content/events/:
 *   npm run import -- <file.xlsx|file.csv> [--dry-run] [--update] [--confirm-coordinates]
 *
 * Reading and checking is src/lib/import's checkSheet, the same code the browser's sheet checker
 * on /submit/ runs. Reads .xlsx (the first visible sheet, streamed), or .csv in UTF-8 (with or without BOM), UTF-16 or
 * GB18030/GBK. Limits are checked before any heavy work: file size, unpacked size (zip bombs),
 * rows per sheet, and every cell's length (the schema's limits). Every row is checked with the
 * site's own schema; on any problem it prints every problem (row, the sheet's column name, what
 * is wrong, how to fix it), exits 1 and writes nothing. On success it writes one file per event
 * atomically, always to <events dir>/<city>/<id>.yaml. Re-importing the same sheet changes
 * nothing; a file edited by hand is never overwritten silently (--update replaces it); an event
 * never moves to another city and a demo event never becomes a real one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseContentText } from '../src/lib/content-files.ts';
import { checkSheet, fileRefusal, formatProblem, planWrites, siteImportContext, summariseNotes, type ExistingFile } from '../src/lib/import/index.ts';
import { REGIONS } from '../src/schemas/common.ts';
import { collectionFolder } from '../src/config/collections.ts';

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
const refusal = fileRefusal(name, stat.size);
if (refusal) fail(refusal);

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
let showProgress = false;
const checked = checkSheet(bytes, name, {
  onRead: (lines: readonly string[]) => lines.forEach(info),
  ...siteImportContext({
    confirmCoordinates,
    onProgress: (done, total) => {
      if (total <= 200) return;
      showProgress = true;
      process.stderr.write(`\r已检查 ${done}/${total} 行`);
    },
  }),
});
if ('refused' in checked) {
  checked.info?.forEach(info);
  fail(checked.refused);
}
if (showProgress) process.stderr.write('\n');

if (checked.notes.length > 0) {
  info('注意：');
  for (const line of summariseNotes(checked.notes)) info(`  - ${line}`);
}
const problems = checked.problems;
if (problems.length > 0) {
  fail([`${name} 有 ${problems.length} 处问题，没有导入任何活动：`, ...problems.map((p) => `  - ${formatProblem(p)}`)].join('\n'));
}

const { plan, problems: placeProblems } = planWrites(checked.events, existingFiles(outDir), REGIONS, checked.idColumn);
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
