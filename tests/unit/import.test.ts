/**
 * The import of city submission sheets, end to end: the real script run on fixture sheets in
 * every encoding, into a temporary folder, plus the pure helpers it is built from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSheetBytes, excelSerialToShanghai, parseDateTime, parseDatum, parseLevel, parseType, splitList } from '../../src/lib/import-events.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { parseContentText } from '../../src/lib/content-files.ts';

const work = mkdtempSync(join(tmpdir(), 'wujin-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runImport(file: string, dir: string, ...flags: string[]) {
  const r = spawnSync(process.execPath, ['scripts/import-events.ts', file, ...flags], { encoding: 'utf8', env: { ...process.env, EVENTS_DIR: dir } });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
const files = (dir: string) => (existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort() : []);
const goodCsv = readFileSync('tests/fixtures/import/good.csv');

/** The good sheet as a real Excel file: numbers as numbers, typed date-times as Excel dates. */
async function goodXlsx(path: string) {
  const rows = (await import('papaparse')).default.parse<string[]>(goodCsv.toString('utf8'), { skipEmptyLines: true }).data;
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('活动');
  const asCell = (c: string, col: number): ExcelJS.CellValue => {
    const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2}) (\d{1,2}):(\d{2})$/u.exec(c);
    // Excel stores wall-clock time without a zone; ExcelJS writes a Date's UTC fields.
    if ((col === 6 || col === 7) && m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!));
    if ((col === 10 || col === 11) && c !== '' && !Number.isNaN(Number(c))) return Number(c);
    return c;
  };
  rows.forEach((r, i) => sheet.addRow(i === 0 ? r : r.map(asCell)));
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('import: every encoding gives the same events', () => {
  const variants: [string, () => Promise<string>][] = [
    ['UTF-8', async () => { const p = join(work, 'utf8.csv'); writeFileSync(p, goodCsv); return p; }],
    ['UTF-8 with BOM', async () => { const p = join(work, 'bom.csv'); writeFileSync(p, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), goodCsv])); return p; }],
    ['GB18030 (Excel on Chinese Windows)', async () => { const p = join(work, 'gbk.csv'); writeFileSync(p, iconv.encode(goodCsv.toString('utf8'), 'gb18030')); return p; }],
    ['xlsx', async () => { const p = join(work, 'good.xlsx'); await goodXlsx(p); return p; }],
  ];
  let reference: string[] | undefined;
  for (const [name, make] of variants) {
    it(name, async () => {
      const dir = join(work, `out-${name.replace(/\W+/gu, '')}`);
      const r = runImport(await make(), dir);
      expect(r.err).toBe(name.startsWith('GB') ? '按 GB18030 编码读取 gbk.csv。\n' : name === 'xlsx' ? '读取工作表「活动」。\n' : '');
      expect(r.status).toBe(0);
      expect(r.out).toContain('共 3 个活动：新增 3 个');
      const written = files(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
      expect(files(dir)).toEqual(['nanjing/2026-nanjing-c741ec43.yaml', 'suqian/2026-suqian-965baaab.yaml', 'wuxi/2026-wuxi-001.yaml']);
      reference ??= written;
      expect(written).toEqual(reference);
      for (const [i, text] of written.entries()) expect(eventSchema(plainRef).safeParse(parseContentText(`${i}.yaml`, text)).success).toBe(true);
    });
  }

  it('converts 高德 (GCJ-02) and 百度 (BD-09) coordinates to WGS-84, and Excel date numbers to Shanghai time', () => {
    const dir = join(work, 'out-UTF8');
    const wuxi = readFileSync(join(dir, 'wuxi/2026-wuxi-001.yaml'), 'utf8');
    const num = (key: string, text: string) => Number(new RegExp(`^${key}: (.+)$`, 'mu').exec(text)?.[1]);
    expect(Math.abs(num('lat', wuxi) - 31.5775)).toBeLessThan(1e-5);
    expect(Math.abs(num('lng', wuxi) - 120.3)).toBeLessThan(1e-5);
    const suqian = readFileSync(join(dir, 'suqian/2026-suqian-965baaab.yaml'), 'utf8');
    expect(suqian).toContain('start: "2026-12-26T09:00+08:00"');
    expect(Math.abs(num('lat', suqian) - 33.957)).toBeLessThan(1e-5);
  });
});

describe('import: idempotence and conflicts', () => {
  const dir = join(work, 'idem');
  it('re-importing the same sheet changes nothing', () => {
    expect(runImport('tests/fixtures/import/good.csv', dir).status).toBe(0);
    const before = files(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const again = runImport('tests/fixtures/import/good.csv', dir);
    expect(again.status).toBe(0);
    expect(again.out).toContain('新增 0 个，更新 0 个，未变 3 个');
    expect(files(dir).map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
  });

  it('an event edited by hand is never overwritten silently; --update replaces it', () => {
    const path = join(dir, 'wuxi/2026-wuxi-001.yaml');
    const edited = readFileSync(path, 'utf8').replace('status: planned', 'status: confirmed');
    writeFileSync(path, edited);
    const r = runImport('tests/fixtures/import/good.csv', dir);
    expect(r.status).toBe(1);
    expect(r.err).toContain('1 个活动在网站上已有、且内容与表格不同');
    expect(r.err).toContain('2026-wuxi-001（汽车主题展）');
    expect(readFileSync(path, 'utf8')).toBe(edited);
    const u = runImport('tests/fixtures/import/good.csv', dir, '--update');
    expect(u.status).toBe(0);
    expect(u.out).toContain('更新 1 个');
    expect(readFileSync(path, 'utf8')).toContain('status: planned');
  });

  it('--dry-run writes nothing', () => {
    const d = join(work, 'dry');
    const r = runImport('tests/fixtures/import/good.csv', d, '--dry-run');
    expect(r.status).toBe(0);
    expect(r.out).toContain('试运行');
    expect(files(d)).toEqual([]);
  });
});

describe('import: every problem is reported, and nothing is written', () => {
  const dir = join(work, 'bad');
  const r = runImport('tests/fixtures/import/errors.csv', dir);
  const lines = r.err.split('\n');
  const has = (text: string) => expect(lines.some((l) => l.includes(text)), text).toBe(true);

  it('exits non-zero with no stack trace and no files', () => {
    expect(r.status).toBe(1);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/u);
    expect(files(dir)).toEqual([]);
  });
  it.each([
    ['empty required field', '第2行「活动名称」：不能为空'],
    ['impossible date', '第3行「开始时间」：2026年2月30日 9:00 不是真实存在的时间'],
    ['end before start', '第4行「结束时间」：结束时间早于开始时间'],
    ['unknown city', '第5行「设区市」：“上海”不是江苏的设区市'],
    ['county not in that city', '第6行「县（市、区）」：“滨湖区”不是南京市的县（市、区），它属于无锡市'],
    ['unknown type', '第7行「活动类型」：“进军营”不是活动类型'],
    ['unknown level', '第8行「活动级别」：“国家级”不是活动级别'],
    ['outside Jiangsu', '第9行「经度」「纬度」：经度 116.40、纬度 39.90 不在江苏（离最近的江苏县（市、区）政府驻地'],
    ['swapped lat/lng', '第10行「经度」「纬度」：经度 32.05071、纬度 118.79259 不在江苏，像是填反了'],
    ['far from the county', '第11行「经度」「纬度」：坐标离玄武区政府驻地约 189 公里，不像在玄武区'],
    ['duplicate ids', '第12行「活动编号」：活动编号 dup-001 与第13行重复'],
  ])('%s', (_name, text) => has(text));
  it('each message says how to fix it', () => {
    for (const l of lines.filter((x) => x.startsWith('  - '))) expect(l).toContain('怎么改：');
  });

  it.each([
    ['missing columns', 'tests/fixtures/import/missing-columns.csv', '第1行：缺少列：活动类型、活动级别、结束时间、场地名称、详细地址、经度、纬度、主办单位'],
    ['an empty sheet', 'tests/fixtures/import/empty.csv', '表格里没有活动'],
    ['an unreadable file', 'tests/fixtures/import/broken.xlsx', '无法读取 broken.xlsx：不是有效的 Excel（.xlsx）文件'],
    ['a missing file', 'tests/fixtures/import/nope.csv', '找不到文件：tests/fixtures/import/nope.csv'],
  ])('%s', (_name, file, text) => {
    const x = runImport(file, dir);
    expect(x.status).toBe(1);
    expect(x.err).toContain(text);
    expect(x.err).not.toMatch(/at .*\.ts:\d+/u);
  });
});

describe('import: long sheets show progress', () => {
  it('reports how many rows are checked', () => {
    const [header, first] = goodCsv.toString('utf8').split('\r\n');
    const rows = Array.from({ length: 250 }, (_, i) => first!.replace(',汽车惠民展销进社区,', `,汽车惠民展销进社区${i + 1},`));
    const path = join(work, 'long.csv');
    writeFileSync(path, [header, ...rows].join('\r\n'));
    const r = runImport(path, join(work, 'long'), '--dry-run');
    expect(r.status).toBe(0);
    expect(r.err).toContain('已检查 100/250 行');
    expect(r.err).toContain('已检查 250/250 行');
    expect(r.out).toContain('共 250 个活动');
  });
});

describe('import helpers', () => {
  it('decodes UTF-8 and GB18030', () => {
    expect(decodeSheetBytes(new Uint8Array(iconv.encode('南京市', 'gbk')))).toEqual({ text: '南京市', encoding: 'GB18030' });
    expect(decodeSheetBytes(new Uint8Array(Buffer.from('\uFEFF南京', 'utf8')))).toEqual({ text: '南京', encoding: 'UTF-8' });
  });
  it.each([
    ['2026/3/5 9:00', '2026-03-05T09:00+08:00'],
    ['2026-03-05 09:00', '2026-03-05T09:00+08:00'],
    ['2026年3月5日 9时30分', '2026-03-05T09:30+08:00'],
    ['46382.375', '2026-12-26T09:00+08:00'],
    ['2026/3/6 0:00', '2026-03-06T00:00+08:00'],
  ])('reads %s', (text, value) => expect(parseDateTime(text).value).toBe(value));
  it.each([
    ['2026/3/5', '“2026/3/5”只有日期，没有钟点', '写上钟点，例如 2026/3/5 9:00'],
    ['2026年3月5日', '只有日期，没有钟点', '网站不收“全天”活动'],
    ['46086', '是 Excel 日期数字（2026-03-05），只有日期，没有钟点', '2026-03-05 9:00'],
  ])('refuses a date without a time: %s', (text, error, fix) => {
    const r = parseDateTime(text);
    expect(r.value).toBeUndefined();
    expect(r.error).toContain(error);
    expect(r.fix).toContain(fix);
  });
  it('rejects impossible times', () => {
    expect(parseDateTime('2026/4/31 9:00').error).toContain('不是真实存在的时间');
    expect(parseDateTime('2026/3/5 25:00').error).toContain('不是真实存在的时间');
    expect(parseDateTime('下周六').error).toContain('看不懂');
    expect(excelSerialToShanghai(12)).toBeUndefined();
  });
  it('reads types, levels, datums and lists the way editors write them', () => {
    expect(['进社区', '社区', 'community', '步行街', '新能源汽车下乡', '景区'].map(parseType)).toEqual(['community', 'community', 'community', 'commercial', 'rural', 'tourism']);
    expect(['市级', '县区', '区级', '省级', 'county'].map(parseLevel)).toEqual(['city', 'county', 'county', 'provincial', 'county']);
    expect(['', 'wgs84', 'GCJ-02', '高德', 'bd09', '百度'].map(parseDatum)).toEqual(['WGS84', 'WGS84', 'GCJ02', 'GCJ02', 'BD09', 'BD09']);
    expect(splitList('比亚迪、吉利,长安；蔚来')).toEqual(['比亚迪', '吉利', '长安', '蔚来']);
  });
});
