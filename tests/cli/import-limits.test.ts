/**
 * The importer survives hostile and careless files and says what to fix: the real command
 * (scripts/import-events.ts) on files made here at run time in a temporary folder, with
 * EVENTS_DIR pointing there too, so nothing in content/ is touched. Every refusal is checked
 * for its exit status, for writing nothing, and for the words an editor needs.
 *
 * The children run with a small V8 heap (--max-old-space-size): a file that made the importer
 * hold a sheet or a bomb in memory would crash the child and fail the test. Bytes, not seconds.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deflatedSheet, part, SHEET_HEAD, workbookAround, zeroBombSheet, zipOf, type ZipPart } from '../fixtures/hostile/xlsx.ts';
import { IMPORT_LIMITS, TEMPLATE_COLUMNS } from '../../src/lib/import/index.ts';

// Each test runs the real command (half a second each); a machine busy with builds can be ten times slower.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const work = mkdtempSync(join(tmpdir(), 'wujin-import-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the importer like `npm run import -- …` does, with a heap small enough to catch a hoarder. */
function runImport(file: string, dir: string, ...flags: string[]) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=160', 'scripts/import-events.ts', file, ...flags], {
    encoding: 'utf8',
    env: { ...process.env, EVENTS_DIR: dir },
    timeout: 120_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
/** Every file below a folder with its text, to prove a refused import changed nothing. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    (readdirSync(dir, { recursive: true }) as string[])
      .sort()
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}
function expectRefused(r: ReturnType<typeof runImport>, dir: string, ...words: string[]) {
  expect(r.status, r.err).toBe(1);
  expect(snapshot(dir)).toEqual({});
  for (const w of words) expect(r.err).toContain(w);
  expect(r.err).not.toMatch(/at .*\.(ts|js):\d+|heap out of memory|Too big|expected|期望/u);
}
let dirCount = 0;
const freshDir = () => join(work, `events-${(dirCount += 1)}`);

/** A good row in template column order; `over` replaces cells by column name. */
function row(over: Partial<Record<(typeof TEMPLATE_COLUMNS)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    活动名称: '汽车惠民展销进社区',
    设区市: '南京',
    '县（市、区）': '建邺区',
    活动类型: '进社区',
    活动级别: '县区',
    开始时间: '2026/12/12 9:00',
    结束时间: '2026/12/13 17:00',
    场地名称: '奥体中心东广场',
    详细地址: '南京市建邺区江东中路222号',
    经度: '118.7305',
    纬度: '32.0088',
    主办单位: '建邺区商务局',
    咨询电话: '025-12345678',
  };
  return TEMPLATE_COLUMNS.map((c) => over[c] ?? base[c] ?? '');
}
function writeCsv(fileName: string, rows: string[][]): string {
  const path = join(work, fileName);
  writeFileSync(path, '\uFEFF' + Papa.unparse([[...TEMPLATE_COLUMNS], ...rows], { newline: '\r\n' }));
  return path;
}

/** A million rows of two numbers, as in the report that started this: a few MB packed. */
function millionRowSheet(): Promise<ZipPart> {
  const header = `<row r="1">${['B1', 'C1'].map((r, i) => `<c r="${r}" t="inlineStr"><is><t>${['活动名称', '设区市'][i]}</t></is></c>`).join('')}</row>`;
  const rowXml = (n: number) => `<row r="${n}"><c r="B${n}"><v>1</v></c><c r="C${n}"><v>2</v></c></row>`;
  // 1 000 chunks of 1 000 rows: one write per row would take longer than the whole test.
  return deflatedSheet(SHEET_HEAD + header, 1000, (k) => Array.from({ length: 1000 }, (_, i) => rowXml(k * 1000 + i + 2)).join(''), '</sheetData></worksheet>');
}

/** `count` distinct good rows, streamed to an .xlsx (the way a big sheet would be saved). */
async function bigXlsx(fileName: string, count: number): Promise<string> {
  const path = join(work, fileName);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = wb.addWorksheet('活动');
  sheet.addRow([...TEMPLATE_COLUMNS]).commit();
  for (let i = 1; i <= count; i += 1) sheet.addRow(row({ 活动名称: `汽车惠民展销进社区第${i}场` })).commit();
  sheet.commit();
  await wb.commit();
  return path;
}

// ---------------------------------------------------------------------------------------------

describe('limits: checked before any heavy work', () => {
  it(`refuses a file over ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB without reading it`, () => {
    const dir = freshDir();
    for (const ext of ['csv', 'xlsx']) {
      const path = join(work, `huge.${ext}`);
      writeFileSync(path, Buffer.alloc(IMPORT_LIMITS.fileBytes + 1, 0x61));
      expectRefused(runImport(path, dir), dir, `huge.${ext} 有 10 MB，超过 10 MB 的上限，没有读取`, '拆成几个文件');
    }
  });

  let twentyThousand = '';
  beforeAll(async () => {
    twentyThousand = await bigXlsx('rows-20000.xlsx', 20_000);
  });

  it('refuses a 20,000-row xlsx at row 5,002, saying to split it', () => {
    const dir = freshDir();
    const r = runImport(twentyThousand, dir);
    expectRefused(
      r,
      dir,
      '读取工作表「活动」',
      'rows-20000.xlsx 的工作表「活动」里的活动超过 5000 行（读到第 5002 行时停止）',
      '一次最多导入 5000 个活动',
      '把表格拆成几个文件',
    );
    expect(r.err).not.toContain('已检查');
  });

  it('refuses a 20,000-row CSV the same way', () => {
    const dir = freshDir();
    const path = writeCsv(
      'rows-20000.csv',
      Array.from({ length: 20_000 }, (_, i) => row({ 活动名称: `汽车惠民展销进社区第${i + 1}场` })),
    );
    expectRefused(runImport(path, dir), dir, 'rows-20000.csv 里的活动超过 5000 行（读到第 5002 行时停止）', '把表格拆成几个文件');
  });

  it('accepts 5,000 rows (the limit itself)', async () => {
    const dir = freshDir();
    const path = await bigXlsx('rows-5000.xlsx', 5000);
    const r = runImport(path, dir, '--dry-run');
    expect(r.status, r.err).toBe(0);
    expect(r.out).toContain('共 5000 个活动：新增 5000 个');
    expect(r.err).toContain('已检查 5000/5000 行');
    expect(snapshot(dir)).toEqual({});
  });
});

describe('limits: zip bombs', () => {
  let sheet: ZipPart;
  beforeAll(async () => {
    sheet = await zeroBombSheet(200);
  });

  it('refuses a bomb by its declared size, before unpacking anything', () => {
    const dir = freshDir();
    const path = join(work, 'bomb.xlsx');
    writeFileSync(path, workbookAround(sheet));
    expect(sheet.data.length).toBeLessThan(1024 * 1024);
    expectRefused(runImport(path, dir), dir, '无法读取 bomb.xlsx', '解压后却有 200 MB（上限 50 MB）', '压缩炸弹', '复制粘贴到网站下载的模板里');
  });

  it('stops a bomb that lies about its size once 50 MB are unpacked', () => {
    const dir = freshDir();
    const path = join(work, 'liar.xlsx');
    writeFileSync(path, workbookAround(sheet, { lie: true }));
    expectRefused(runImport(path, dir), dir, '无法读取 liar.xlsx', '解压到 50 MB 还没有完', '已停止读取', '压缩炸弹');
  });

  it('tells a million-row sheet packed in a few MB about the row limit, not about bombs', async () => {
    const dir = freshDir();
    const path = join(work, 'million.xlsx');
    const sheet = await millionRowSheet();
    writeFileSync(path, workbookAround(sheet));
    expect(sheet.data.length).toBeLessThan(IMPORT_LIMITS.fileBytes);
    expect(sheet.size).toBeGreaterThan(IMPORT_LIMITS.unzippedBytes);
    expectRefused(runImport(path, dir), dir, 'million.xlsx 的工作表「活动」里的活动超过 5000 行（读到第 5002 行时停止）', '把表格拆成几个文件');
  });

  it('refuses files that are not xlsx, old .xls and password-protected files', () => {
    const dir = freshDir();
    const xls = join(work, 'old.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    expectRefused(runImport(xls, dir), dir, '旧版 Excel（.xls）文件，或设了打开密码', '另存为 .xlsx');
    const text = join(work, 'text.xlsx');
    writeFileSync(text, '活动名称,设区市\n车展,南京\n');
    expectRefused(runImport(text, dir), dir, '不是有效的 Excel（.xlsx）文件');
    // A real workbook whose sheet's packed bytes are damaged.
    const broken = zipOf([
      part('xl/workbook.xml', '<workbook/>'),
      { ...part('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>'.repeat(50)), data: Buffer.alloc(40, 0xff) },
    ]);
    const damaged = join(work, 'damaged.xlsx');
    writeFileSync(damaged, broken);
    expectRefused(runImport(damaged, dir), dir, '无法读取 damaged.xlsx：不是有效的 Excel（.xlsx）文件，内容已损坏（技术细节：');
  });
});

describe('limits: cell length is the schema limit, named by row and column', () => {
  it('refuses a 200,000-character note in a CSV', () => {
    const dir = freshDir();
    const path = writeCsv('long-note.csv', [row(), row({ 活动名称: '第二场车展', 备注: '很'.repeat(200_000) })]);
    const r = runImport(path, dir);
    expectRefused(r, dir, '第3行「备注」：有 200000 个字，最多 500 个字。怎么改：删减到 500 个字以内');
    expect(r.err.length).toBeLessThan(2000);
  });

  it('refuses a 5 MB note in an xlsx, and a 100-character title', async () => {
    const dir = freshDir();
    const path = join(work, 'long-note.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('活动');
    sheet.addRow([...TEMPLATE_COLUMNS]);
    sheet.addRow(row({ 备注: 'x'.repeat(5 * 1024 * 1024) }));
    sheet.addRow(row({ 活动名称: '长'.repeat(100) }));
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = runImport(path, dir);
    expectRefused(r, dir, '第2行「备注」：有 5242880 个字，最多 500 个字', '第3行「活动名称」：有 100 个字，最多 80 个字');
    expect(r.err.length).toBeLessThan(2000);
  });
});

describe('--update never moves an event, never un-demos one, never writes outside <city>/', () => {
  const dir = freshDir();
  const demoText = readFileSync('tests/fixtures/site/events/demo/demo-nanjing-01.yaml', 'utf8');
  beforeAll(() => {
    mkdirSync(join(dir, 'demo'), { recursive: true });
    mkdirSync(join(dir, 'suzhou'), { recursive: true });
    mkdirSync(join(dir, 'nanjing'), { recursive: true });
    mkdirSync(join(dir, 'misc'), { recursive: true });
    cpSync('tests/fixtures/site/events/demo/demo-nanjing-01.yaml', join(dir, 'demo/demo-nanjing-01.yaml'));
    writeFileSync(join(dir, 'suzhou/2026-move-001.yaml'), demoText.replace('demo: true', 'demo: false').replace('city: nanjing', 'city: suzhou'));
    writeFileSync(join(dir, 'nanjing/2026-demo-here.yaml'), demoText);
    writeFileSync(join(dir, 'misc/2026-odd-001.yaml'), demoText.replace('demo: true', 'demo: false'));
  });

  it('refuses every such row by its row number, and changes no file', () => {
    const before = snapshot(dir);
    const path = writeCsv('update.csv', [
      row({ '活动编号(可选)': 'demo-nanjing-01', 活动名称: '第一场' }),
      row({ '活动编号(可选)': '2026-move-001', 活动名称: '第二场' }),
      row({ '活动编号(可选)': '2026-demo-here', 活动名称: '第三场' }),
      row({ '活动编号(可选)': '2026-odd-001', 活动名称: '第四场' }),
    ]);
    const r = runImport(path, dir, '--update');
    expect(r.status).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    for (const text of [
      '第2行「活动编号」：活动编号 demo-nanjing-01：已被示例活动使用（demo/demo-nanjing-01.yaml），示例活动不能变成真实活动',
      '第3行「活动编号」：活动编号 2026-move-001：网站上已是苏州市的活动（suzhou/2026-move-001.yaml），表格里填的是南京市；导入不会把活动挪到别的设区市',
      '第4行「活动编号」：活动编号 2026-demo-here：已被示例活动使用',
      '第5行「活动编号」：活动编号 2026-odd-001：已被 misc/2026-odd-001.yaml 使用，它不在 nanjing/ 文件夹里',
    ])
      expect(r.err).toContain(text);
  });

  it('refuses ids with path separators', () => {
    const before = snapshot(dir);
    // Built from parts so that this file does not itself hold a path that climbs out of the repo.
    const climb = ['..', '..', 'evil'].join('/');
    const path = writeCsv('traversal.csv', [
      row({ '活动编号(可选)': climb }),
      row({ '活动编号(可选)': 'nanjing/evil', 活动名称: '第二场' }),
      row({ '活动编号(可选)': 'a\\b-001', 活动名称: '第三场' }),
    ]);
    const r = runImport(path, dir, '--update');
    expect(r.status).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    for (const n of [2, 3, 4]) expect(r.err).toContain(`第${n}行「活动编号」：`);
    expect(r.err).toContain('不能用作活动编号');
    expect(existsSync(join(work, 'evil.yaml'))).toBe(false);
  });
});

describe('coordinates: plausible for the place the row names', () => {
  const shanghai = () =>
    writeCsv('peoples-square.csv', [
      row({
        设区市: '苏州',
        '县（市、区）': '',
        活动级别: '市级',
        场地名称: '人民广场',
        详细地址: '苏州市某路1号',
        经度: '121.4737',
        纬度: '31.2304',
        主办单位: '苏州市商务局',
      }),
    ]);

  it("refuses a Suzhou event at People's Square, Shanghai", () => {
    const dir = freshDir();
    expectRefused(
      runImport(shanghai(), dir),
      dir,
      '第2行「经度」「纬度」：经度 121.4737、纬度 31.2304 在江苏各县（市、区）政府驻地连成的范围以外约',
      '可能不在江苏',
      '核对坐标',
      '--confirm-coordinates',
    );
  });
  it('accepts it only when the editor confirms, and says so', () => {
    const dir = freshDir();
    const r = runImport(shanghai(), dir, '--confirm-coordinates', '--dry-run');
    expect(r.status, r.err).toBe(0);
    expect(r.err).toContain('已按 --confirm-coordinates 接受');
    expect(snapshot(dir)).toEqual({});
  });
  it('refuses Hefei even when confirmed, and numbers that are not plain decimals', () => {
    const dir = freshDir();
    const path = writeCsv('coordinates.csv', [
      row({ 经度: '117.23', 纬度: '31.82' }),
      row({ 活动名称: '第二场', 经度: '0x76', 纬度: '32.0088' }),
      row({ 活动名称: '第三场', 经度: '1.187305E+02', 纬度: '32.0088' }),
      row({ 活动名称: '第四场', 经度: 'Infinity', 纬度: 'NaN' }),
      row({ 活动名称: '第五场', 经度: '118°43′50″', 纬度: '32,0088' }),
      row({ 活动名称: '第六场', 经度: '１１８．７３０５', 纬度: '３２．００８８' }),
    ]);
    const r = runImport(path, dir, '--confirm-coordinates');
    expectRefused(
      r,
      dir,
      '第2行「经度」「纬度」：经度 117.23、纬度 31.82 不在江苏（离最近的江苏县（市、区）政府驻地',
      '第3行「经度」：“0x76”是十六进制写法',
      '第4行「经度」：“1.187305E+02”是科学计数法',
      '第5行「经度」：“Infinity”不是数字',
      '第5行「纬度」：“NaN”不是数字',
      '第6行「经度」：“118°43′50″”是度分秒写法',
      '第6行「纬度」：“32,0088”用逗号当了小数点',
    );
    expect(r.err).not.toContain('第7行');
  });
});

describe("sheet details: formulas, date-only times, the sheet's own column names, encodings", () => {
  it("uses a formula's cached value with a note; refuses one without a value, an error value and a date without a time", async () => {
    const dir = freshDir();
    const path = join(work, 'formulas.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    wb.addWorksheet('填写说明').addRow(['说明']);
    const header = TEMPLATE_COLUMNS.map((c) => (c === '县（市、区）' ? '县区' : c === '开始时间' ? '开始 时间' : c));
    sheet.addRow(header);
    const start = TEMPLATE_COLUMNS.indexOf('开始时间') + 1;
    const lat = TEMPLATE_COLUMNS.indexOf('纬度') + 1;
    sheet.addRow(row());
    sheet.getCell(2, start).value = { formula: 'DATE(2026,12,12)+TIME(9,0,0)', result: 46368.375 } as ExcelJS.CellFormulaValue;
    sheet.getCell(2, start).numFmt = 'yyyy/m/d h:mm';
    sheet.addRow(row({ 活动名称: '第二场' }));
    sheet.getCell(3, start).value = { formula: 'A1+1' } as ExcelJS.CellFormulaValue;
    sheet.addRow(row({ 活动名称: '第三场' }));
    sheet.getCell(4, lat).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    sheet.addRow(row({ 活动名称: '第四场' }));
    sheet.getCell(5, start).value = new Date(Date.UTC(2026, 11, 12));
    sheet.getCell(5, start).numFmt = 'yyyy/m/d';
    sheet.addRow(row({ 活动名称: '第五场', '县（市、区）': '滨湖区', 开始时间: '2025/12/12 9:00', 结束时间: '2025/12/12 17:00' }));
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = runImport(path, dir);
    expectRefused(
      r,
      dir,
      '读取工作表「Sheet1」（只读第一个工作表；「填写说明」没有读取）',
      '第2行「开始 时间」：是公式，已按它的计算结果“2026-12-12 09:00”导入',
      '第3行「开始 时间」：是公式，但文件里没有保存计算结果',
      '选择性粘贴 → 数值',
      '第4行「纬度」：是错误值 #N/A',
      '第5行「开始 时间」：“2026-12-12”只有日期，没有钟点。怎么改：写上钟点，例如 2026/12/12 9:00',
      '第6行「县区」：“滨湖区”不是南京市的县（市、区），它属于无锡市',
      '第6行「开始 时间」：开始 时间是2025年，本网站只收2026年及以后的活动',
    );
    expect(r.err).not.toContain('第3行「开始 时间」：不能为空');
  });

  it('reads a UTF-16 CSV (Excel\'s "Unicode 文本") and says so', () => {
    const dir = freshDir();
    const text = Papa.unparse([[...TEMPLATE_COLUMNS], row()], { newline: '\r\n', delimiter: '\t' });
    for (const [bom, encoding] of [
      [[0xff, 0xfe], 'UTF-16LE'],
      [[0xfe, 0xff], 'UTF-16BE'],
    ] as const) {
      const body = Buffer.from(text, 'utf16le');
      if (encoding === 'UTF-16BE') body.swap16();
      const path = join(work, `unicode-${encoding}.csv`);
      writeFileSync(path, Buffer.concat([Buffer.from(bom), body]));
      const r = runImport(path, dir, '--dry-run');
      expect(r.status, r.err).toBe(0);
      expect(r.err).toContain(`按 ${encoding} 编码读取 unicode-${encoding}.csv`);
      expect(r.out).toContain('共 1 个活动：新增 1 个');
      expect(snapshot(dir)).toEqual({});
    }
  });

  it('names an xlsx saved as .csv', async () => {
    const dir = freshDir();
    const path = join(work, 'really-xlsx.csv');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('活动').addRow([...TEMPLATE_COLUMNS]);
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    expectRefused(runImport(path, dir), dir, '这个文件其实是 Excel（.xlsx）文件，只是扩展名是 .csv', '把文件扩展名改成 .xlsx');
  });

  it('refuses unknown options instead of ignoring them', () => {
    const dir = freshDir();
    expectRefused(runImport(writeCsv('ok.csv', [row()]), dir, '--updat'), dir, '不认识的选项：--updat', '用法：npm run import');
  });
});
