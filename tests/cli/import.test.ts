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
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  columnLabel,
  decodeSheetBytes,
  describeNumberFormat,
  excelDateText,
  excelSerialToShanghai,
  explainIssue,
  formatProblem,
  IMPORT_LIMITS,
  notCsvReason,
  numberRows,
  parseCoordinate,
  parseDateTime,
  parseDatum,
  parseLevel,
  parseType,
  planWrites,
  readHeader,
  readZipLayout,
  rowsToEvents,
  splitList,
  summariseNotes,
  TEMPLATE_COLUMNS,
  type ExistingFile,
  type ImportContext,
  type ImportedEvent,
} from '../../src/lib/import/index.ts';
import type { EventItem } from '../../src/lib/events/events.ts';
import { plainRef, REGIONS } from '../../src/schemas/common.ts';
import { eventSchema, EVENT_TEXT_LIMITS } from '../../src/schemas/event.ts';
import { EVENT_LEVEL_LABELS, EVENT_TYPE_LABELS } from '../../src/lib/event-labels.ts';
import { parseContentText } from '../../src/lib/content-files.ts';

// Each test runs the real command (half a second each); a machine busy with builds can be ten times slower.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
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
    [
      'UTF-8',
      async () => {
        const p = join(work, 'utf8.csv');
        writeFileSync(p, goodCsv);
        return p;
      },
    ],
    [
      'UTF-8 with BOM',
      async () => {
        const p = join(work, 'bom.csv');
        writeFileSync(p, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), goodCsv]));
        return p;
      },
    ],
    [
      'GB18030 (Excel on Chinese Windows)',
      async () => {
        const p = join(work, 'gbk.csv');
        writeFileSync(p, iconv.encode(goodCsv.toString('utf8'), 'gb18030'));
        return p;
      },
    ],
    [
      'xlsx',
      async () => {
        const p = join(work, 'good.xlsx');
        await goodXlsx(p);
        return p;
      },
    ],
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
  const has = (text: string) =>
    expect(
      lines.some((l) => l.includes(text)),
      text,
    ).toBe(true);

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
    expect(['进社区', '社区', 'community', '步行街', '新能源汽车下乡', '景区'].map(parseType)).toEqual([
      'community',
      'community',
      'community',
      'commercial',
      'rural',
      'tourism',
    ]);
    expect(['市级', '县区', '区级', '省级', 'county'].map(parseLevel)).toEqual(['city', 'county', 'county', 'provincial', 'county']);
    expect(['', 'wgs84', 'GCJ-02', '高德', 'bd09', '百度'].map(parseDatum)).toEqual(['WGS84', 'WGS84', 'GCJ02', 'GCJ02', 'BD09', 'BD09']);
    expect(splitList('比亚迪、吉利,长安；蔚来')).toEqual(['比亚迪', '吉利', '长安', '蔚来']);
  });
});

describe('import helpers: coordinates are plain decimals', () => {
  it.each([
    ['118.79143', 118.79143],
    ['32', 32],
    [' 32.06 ', 32.06],
    ['+118.7', 118.7],
    // Full-width digits and point from a Chinese input method mean the same number.
    ['１１８．７９１４３', 118.79143],
    ['３２．０６', 32.06],
  ])('reads %s', (text, value) => expect(parseCoordinate(text, '118.79')).toEqual({ value }));
  it.each([
    ['0x76', '是十六进制写法'],
    ['1.18E+02', '是科学计数法'],
    ['1e2', '是科学计数法'],
    ['1.187305e2', '是科学计数法'],
    ['Infinity', '不是数字'],
    ['-Infinity', '不是数字'],
    ['NaN', '不是数字'],
    ['∞', '不是数字'],
    ['118°47′29″', '是度分秒写法'],
    ['118度47分', '是度分秒写法'],
    ['32,06', '用逗号当了小数点'],
    ['118.7.1', '不是经纬度的写法'],
    ['1180.5', '不是经纬度的写法'],
    ['118.7 E', '不是经纬度的写法'],
    ['', '不是经纬度的写法'],
  ])('refuses %s', (text, error) => {
    const r = parseCoordinate(text, '118.79');
    expect(r.value).toBeUndefined();
    expect(r.error).toContain(error);
    expect(r.fix).toContain('写成 118.79 这样的小数');
  });
});

describe('import helpers: reading files', () => {
  const utf16 = (text: string, be = false) => {
    const b = Buffer.from(text, 'utf16le');
    if (be) b.swap16();
    return b;
  };
  it('decodes UTF-16 with either BOM, and without one', () => {
    expect(decodeSheetBytes(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16('活动名称\t南京')])))).toEqual({
      text: '活动名称\t南京',
      encoding: 'UTF-16LE',
    });
    expect(decodeSheetBytes(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16('活动名称,南京', true)])))).toEqual({
      text: '活动名称,南京',
      encoding: 'UTF-16BE',
    });
    expect(decodeSheetBytes(new Uint8Array(utf16('title,city\r\nA,nanjing')))).toEqual({ text: 'title,city\r\nA,nanjing', encoding: 'UTF-16LE' });
  });
  it('names files that are not CSV text', () => {
    const check = (bytes: number[]) => notCsvReason(new Uint8Array(bytes), decodeSheetBytes(new Uint8Array(bytes)).text)?.message;
    expect(check([0x50, 0x4b, 0x03, 0x04, 0, 0])).toContain('其实是 Excel（.xlsx）文件');
    expect(check([0xd0, 0xcf, 0x11, 0xe0, 0, 0])).toContain('旧版 Excel（.xls）');
    expect(check([0x61, 0x00, 0x00, 0x00, 0x62, 0x63, 0x64, 0x65])).toContain('不是 CSV 表格');
    expect(check([...Buffer.from('活动名称,设区市\n')])).toBeUndefined();
  });
  it('shows Excel dates the way the cell shows them, and says when there is no time', () => {
    expect(describeNumberFormat('yyyy/m/d')).toEqual({ date: true, time: false });
    expect(describeNumberFormat('yyyy"年"m"月"d"日" h:mm')).toEqual({ date: true, time: true });
    expect(describeNumberFormat('[$-zh-CN]yyyy/m/d;@')).toEqual({ date: true, time: false });
    expect(describeNumberFormat('0.000000')).toEqual({ date: false, time: false });
    expect(describeNumberFormat('General')).toEqual({ date: false, time: false });
    expect(describeNumberFormat('"截至"0"场"')).toEqual({ date: false, time: false });
    expect(excelDateText(new Date(Date.UTC(2026, 2, 5)), false)).toBe('2026-03-05');
    expect(excelDateText(new Date(Date.UTC(2026, 2, 5)), true)).toBe('2026-03-05 00:00');
    // A time the format hides is still the time the editor typed.
    expect(excelDateText(new Date(Date.UTC(2026, 2, 5, 9, 30)), false)).toBe('2026-03-05 09:30');
  });
});

/** Patches the sizes an .xlsx declares for one part (central directory and local header). */
function declare(xlsx: Buffer, part: string, patch: (header: Buffer, local: boolean) => void): Buffer {
  const b = Buffer.from(xlsx);
  for (let i = 0; i + 4 <= b.length; i += 1) {
    const sig = b.readUInt32LE(i);
    if (sig === 0x02014b50 && b.toString('utf8', i + 46, i + 46 + b.readUInt16LE(i + 28)) === part) patch(b.subarray(i), false);
    if (sig === 0x04034b50 && b.toString('utf8', i + 30, i + 30 + b.readUInt16LE(i + 26)) === part) patch(b.subarray(i), true);
  }
  return b;
}

describe('import helpers: an .xlsx is checked before it is unpacked', () => {
  let xlsx: Buffer;
  it('lists the parts of a real workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('活动').addRow([...TEMPLATE_COLUMNS]);
    xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const layout = readZipLayout(xlsx, 'a.xlsx');
    expect('entries' in layout && layout.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
  });
  const problem = (bytes: Buffer) => {
    const r = readZipLayout(bytes, 'a.xlsx');
    return 'problem' in r ? formatProblem(r.problem) : '';
  };
  it('refuses what is not an .xlsx', () => {
    expect(problem(Buffer.from('活动名称,设区市\n'))).toContain('无法读取 a.xlsx：不是有效的 Excel（.xlsx）文件');
    expect(problem(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]))).toContain('旧版 Excel（.xls）文件，或设了打开密码');
    expect(problem(xlsx.subarray(0, xlsx.length - 30))).toContain('不是有效的 Excel（.xlsx）文件');
  });
  it('refuses a declared zip bomb without unpacking, and lets a big honest sheet through to the row limit', () => {
    const bomb = declare(xlsx, 'xl/worksheets/sheet1.xml', (h, local) => h.writeUInt32LE(200 * 1024 * 1024, local ? 22 : 24));
    expect(problem(bomb)).toContain('解压后却有 200 MB（上限 50 MB）');
    expect(problem(bomb)).toContain('压缩炸弹');
    // Over the unpacked limit but packed like a sheet (ratio under 100:1): streamed, not refused here.
    expect(problem(xlsx)).toBe('');
    expect(IMPORT_LIMITS.bombRatio).toBeGreaterThanOrEqual(50);
  });
  it('refuses encryption, unknown compression and ZIP64', () => {
    expect(
      problem(
        declare(xlsx, 'xl/workbook.xml', (h, local) => {
          if (local) h.writeUInt16LE(1, 6);
        }),
      ),
    ).toContain('文件设了密码');
    expect(
      problem(
        declare(xlsx, 'xl/workbook.xml', (h, local) => {
          if (local) h.writeUInt16LE(12, 8);
        }),
      ),
    ).toContain('不常见的压缩方式');
    expect(problem(declare(xlsx, 'xl/workbook.xml', (h, local) => h.writeUInt32LE(0xffffffff, local ? 22 : 24)))).toContain('ZIP64');
  });
});

describe("import: messages use the sheet's own column names and plain sentences", () => {
  const schema = eventSchema(plainRef);
  const ctx: ImportContext = {
    regions: REGIONS,
    validate: (e) => {
      const r = schema.safeParse(e);
      return r.success ? { ok: true, value: r.data as unknown as Omit<EventItem, 'id'> } : { ok: false, issues: r.error.issues };
    },
  };
  const header = TEMPLATE_COLUMNS.map((c) => (c === '县（市、区）' ? '县区' : c === '备注' ? ' 备 注 ' : c));
  const good = [
    '',
    '汽车惠民展销进社区',
    '南京',
    '建邺',
    '进社区',
    '县区',
    '2026/12/12 9:00',
    '2026/12/13 17:00',
    '奥体中心东广场',
    '南京市建邺区江东中路222号',
    '118.7305',
    '32.0088',
    '',
    '建邺区商务局',
    '',
    '',
    '',
    '',
    '',
  ];
  const withCells = (over: Record<number, string>) => good.map((c, i) => over[i] ?? c);

  it('names columns as the sheet writes them', () => {
    expect(columnLabel('坐标系(可选: WGS84/GCJ02/BD09, 默认 WGS84)')).toBe('坐标系');
    expect(columnLabel('活动编号(可选)')).toBe('活动编号');
    expect(columnLabel('县（市、区）')).toBe('县（市、区）');
    expect(columnLabel('  县区 ')).toBe('县区');
    expect(columnLabel('很'.repeat(40))).toBe(`${'很'.repeat(30)}…`);
    expect(readHeader(['县区', '开始 时间', '无关的列']).keys).toEqual(['county', 'start', undefined]);
    expect(readHeader(['县区', '开始 时间']).labels).toEqual({ county: '县区', start: '开始 时间' });
  });

  it('reads a good row, and cleans its text the way the schema does', () => {
    const r = rowsToEvents(numberRows([header, withCells({ 1: '汽车\u202E惠民展销' })]), ctx);
    expect(r.problems).toEqual([]);
    expect(r.events[0]).toMatchObject({ row: 2, event: { title: '汽车惠民展销', county: 'nanjing-jianye', demo: false } });
  });

  it('skips the example row (活动名称 starting with 示例) and says so', () => {
    const r = rowsToEvents(numberRows([header, withCells({ 1: '【示例】汽车惠民展销进社区' }), withCells({})]), ctx);
    expect(r.problems).toEqual([]);
    expect(r.events.map((e) => e.row)).toEqual([3]);
    expect(r.notes.map(formatProblem)).toEqual([
      '第2行「活动名称」：以“示例”开头，是填写示例，没有导入。怎么改：真实活动的名称不要以“示例”开头；示例行可以留着，也可以删掉',
    ]);
    const only = rowsToEvents(numberRows([header, withCells({ 1: '示例：进社区' })]), ctx);
    expect(only.problems.map(formatProblem)).toEqual(['表格里只有示例行，没有活动。怎么改：在示例行下面每行填写一个活动']);
  });

  it('refuses what is too long, by row, column and limit, without echoing the cell', () => {
    const huge = '很'.repeat(200_000);
    const r = rowsToEvents(numberRows([header, withCells({ 18: huge }), withCells({ 1: '长'.repeat(81), 2: huge })]), ctx);
    const lines = r.problems.map(formatProblem);
    expect(lines).toContain(`第2行「备 注」：有 200000 个字，最多 ${EVENT_TEXT_LIMITS.notes} 个字。怎么改：删减到 ${EVENT_TEXT_LIMITS.notes} 个字以内`);
    expect(lines).toContain(`第3行「活动名称」：有 81 个字，最多 ${EVENT_TEXT_LIMITS.title} 个字。怎么改：删减到 ${EVENT_TEXT_LIMITS.title} 个字以内`);
    expect(lines.join('\n').length).toBeLessThan(2000);
  });

  it("refuses an id that would take a page's address or a device name, and says why", () => {
    for (const [id, why] of [
      ['2026-12', '月份页面'],
      ['index', '已经用了这个名字'],
      ['poster', '已经用了这个名字'],
      ['calendar', '已经用了这个名字'],
      ['con', '已经用了这个名字'],
      ['aux', '已经用了这个名字'],
      ['lpt1', '已经用了这个名字'],
    ] as const) {
      const lines = rowsToEvents(numberRows([header, withCells({ 0: id })]), ctx).problems.map(formatProblem);
      expect(lines, id).toHaveLength(1);
      expect(lines[0], id).toMatch(new RegExp(`^第2行「活动编号」：“${id}”不能用作活动编号：.*${why}`, 'u'));
    }
    expect(rowsToEvents(numberRows([header, withCells({ 0: '2026-nanjing-001' })]), ctx).problems).toEqual([]);
  });

  it('refuses two columns that mean the same field, naming both', () => {
    const twice = [...header.slice(0, 2), '活动名称 ', ...header.slice(2)];
    const row = [...good.slice(0, 2), '另一个名称', ...good.slice(2)];
    const r = rowsToEvents(numberRows([twice, row]), ctx);
    expect(r.events).toEqual([]);
    expect(r.problems.map(formatProblem)).toEqual([
      '第1行「活动名称」「活动名称」：有2列都是「活动名称」（第B、C列），不知道该用哪一列。怎么改：只保留一列，删除或改名其余的列',
    ]);
  });

  it('says the year in words, from the start time', () => {
    const r = rowsToEvents(numberRows([header, withCells({ 6: '2025/12/12 9:00', 7: '2025/12/12 17:00' })]), ctx);
    expect(r.problems.map(formatProblem)).toEqual(['第2行「开始时间」：开始时间是2025年，本网站只收2026年及以后的活动。怎么改：核对年份；往年的活动不用导入']);
  });

  it("lists, phone and county problems are said with the sheet's names", () => {
    const r = rowsToEvents(
      numberRows([header, withCells({ 3: '滨湖', 13: Array.from({ length: 31 }, (_, i) => `单位${i}`).join('、'), 15: '很'.repeat(31), 17: '025-1234 转 8' })]),
      ctx,
    );
    const lines = r.problems.map(formatProblem);
    expect(lines).toContain('第2行「主办单位」：填了 31 个，最多 30 个。怎么改：只留最主要的 30 个');
    expect(lines).toContain('第2行「参与品牌」：第1个有 31 个字，最多 30 个字。怎么改：删减到 30 个字以内');
    expect(lines.some((l) => l.startsWith('第2行「咨询电话」：“025-1234 转 8”不是电话号码的写法'))).toBe(true);
    expect(lines.some((l) => l.startsWith('第2行「县区」：“滨湖”不是南京市的县（市、区），它属于无锡市'))).toBe(true);
  });

  it("turns every schema issue into a column and a sentence, never the validator's words", () => {
    const draft = {
      title: '汽车惠民展销',
      year: 2026,
      type: 'community',
      level: 'county',
      city: 'nanjing',
      county: 'nanjing-jianye',
      venue: { name: '奥体中心', address: '南京市建邺区江东中路222号' },
      lat: 32.0088,
      lng: 118.7305,
      start: '2026-12-12T09:00+08:00',
      end: '2026-12-13T17:00+08:00',
      organisers: ['建邺区商务局'],
      hosts: [],
      brands: [],
      services: [],
      policies: ['trade-in'],
      status: 'planned',
      demo: false,
    };
    expect(schema.safeParse(draft).success).toBe(true);
    const broken: Record<string, unknown>[] = [
      { title: 'x' },
      { title: '长'.repeat(81) },
      { venue: { name: 'x', address: '地址很长'.repeat(40) } },
      { notes: '很'.repeat(501) },
      { organisers: [] },
      { organisers: Array.from({ length: 31 }, (_, i) => `单位${i}`) },
      { organisers: ['x'] },
      { hosts: ['长'.repeat(61)] },
      { brands: ['长'.repeat(31)] },
      { year: 2025 },
      { lat: 100 },
      { lng: 200 },
      { start: '2026-12-12' },
      { end: '2026-12-01T09:00+08:00' },
      { city: 'shanghai' },
      { county: 'wuxi-binhu' },
      { county: 'nowhere' },
      { type: 'army' },
      { level: 'national' },
      { services: ['massage'] },
      { phone: 'call me' },
      { status: 'maybe' },
      { demo: 'yes' },
      { extra: 1 },
    ];
    for (const change of broken) {
      const bad = { ...draft, ...change };
      const result = schema.safeParse(bad);
      expect(result.success, JSON.stringify(change)).toBe(false);
      for (const issue of result.error!.issues) {
        const { column, message, fix } = explainIssue(issue.path, bad);
        expect(Object.values({ ...Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, columnLabel(c)])), whole: '（整行）' })).toContain(column);
        expect(`${message}。${fix}`, JSON.stringify(change)).not.toMatch(/[A-Za-z]{5,}|>=|<=|期望|无效|expected|Too big|Too small/u);
      }
    }
    expect(explainIssue(['year'], { ...draft, year: 2025 })).toEqual({
      column: '开始时间',
      message: '开始时间是2025年，本网站只收2026年及以后的活动',
      fix: '核对年份；往年的活动不用导入',
    });
    expect(explainIssue(['notes'], { ...draft, notes: '很'.repeat(501) }).message).toBe('有 501 个字，最多 500 个字');
  });

  it('groups many notes so a long sheet does not bury the result', () => {
    const notes = Array.from({ length: 12 }, (_, i) => ({
      row: i + 2,
      column: '开始时间',
      message: `是公式，已按它的计算结果“2026-12-${10 + i} 09:00”导入`,
      fix: '',
    }));
    expect(summariseNotes(notes.slice(0, 3))).toEqual([
      '第2行「开始时间」：是公式，已按它的计算结果“2026-12-10 09:00”导入',
      '第3行「开始时间」：是公式，已按它的计算结果“2026-12-11 09:00”导入',
      '第4行「开始时间」：是公式，已按它的计算结果“2026-12-12 09:00”导入',
    ]);
    expect(summariseNotes(notes)).toEqual(['第2、3、4、5、6等行（共 12 处）「开始时间」：是公式，已按它的计算结果“2026-12-10 09:00”导入']);
    expect(formatProblem({ row: 3, column: ['经度', '纬度'], message: '不在江苏', fix: '重新取点' })).toBe('第3行「经度」「纬度」：不在江苏。怎么改：重新取点');
  });
});

describe('import: where each event is written', () => {
  const event = (id: string, city = 'nanjing'): ImportedEvent => ({
    row: 7,
    event: {
      id,
      title: '车展',
      year: 2026,
      type: 'community',
      level: 'city',
      city,
      venue: { name: '广场', address: '某路1号' },
      lat: 32,
      lng: 118.8,
      start: '2026-12-12T09:00+08:00',
      end: '2026-12-12T17:00+08:00',
      organisers: ['商务局'],
      hosts: [],
      brands: [],
      services: [],
      policies: [],
      status: 'planned',
      demo: false,
    },
  });
  const existing = (entries: [string, ExistingFile][]) => {
    const m = new Map<string, ExistingFile[]>();
    for (const [id, f] of entries) m.set(id, [...(m.get(id) ?? []), f]);
    return m;
  };

  it('always <city>/<id>.yaml; new, same or changed', async () => {
    const { eventToYaml } = await import('../../src/lib/import/index.ts');
    const same = event('2026-same-001');
    const r = planWrites(
      [event('2026-new-001'), same, event('2026-edit-001')],
      existing([
        ['2026-same-001', { path: 'nanjing/2026-same-001.yaml', text: eventToYaml(same.event), demo: false }],
        ['2026-edit-001', { path: 'nanjing/2026-edit-001.yaml', text: 'status: confirmed\n', demo: false }],
      ]),
      REGIONS,
    );
    expect(r.problems).toEqual([]);
    expect(r.plan.map((p) => [p.path, p.state])).toEqual([
      ['nanjing/2026-new-001.yaml', 'new'],
      ['nanjing/2026-same-001.yaml', 'same'],
      ['nanjing/2026-edit-001.yaml', 'changed'],
    ]);
  });

  it('refuses to move an event to another city, to reuse a demo id, or to touch a file elsewhere', () => {
    const r = planWrites(
      [event('2026-a-001'), event('2026-b-001'), event('2026-c-001'), event('2026-d-001')],
      existing([
        ['2026-a-001', { path: 'suzhou/2026-a-001.yaml', text: '', demo: false }],
        ['2026-b-001', { path: 'demo/2026-b-001.yaml', text: '', demo: true }],
        ['2026-c-001', { path: 'nanjing/2026-c-001.yaml', text: '', demo: true }],
        ['2026-d-001', { path: 'archive/2025/2026-d-001.yaml', text: '', demo: false }],
      ]),
      REGIONS,
      '编号',
    );
    expect(r.plan).toEqual([]);
    expect(r.problems.map(formatProblem)).toEqual([
      '第7行「编号」：活动编号 2026-a-001：网站上已是苏州市的活动（suzhou/2026-a-001.yaml），表格里填的是南京市；导入不会把活动挪到别的设区市。怎么改：如果是另一个活动，换一个活动编号；如果确实要改设区市，先删除 suzhou/2026-a-001.yaml 再导入',
      '第7行「编号」：活动编号 2026-b-001：已被示例活动使用（demo/2026-b-001.yaml），示例活动不能变成真实活动。怎么改：换一个活动编号，或不填编号由系统生成',
      '第7行「编号」：活动编号 2026-c-001：已被示例活动使用（nanjing/2026-c-001.yaml），示例活动不能变成真实活动。怎么改：换一个活动编号，或不填编号由系统生成',
      '第7行「编号」：活动编号 2026-d-001：已被 archive/2025/2026-d-001.yaml 使用，它不在 nanjing/ 文件夹里。怎么改：换一个活动编号，或先把 archive/2025/2026-d-001.yaml 移走',
    ]);
  });
});

describe('import: the template the site hands out', () => {
  it('is generated with the same columns and limits, and a filled-in copy imports (only its first sheet)', async () => {
    const dir = join(work, 'template');
    const made = spawnSync(process.execPath, ['scripts/make-templates.ts', dir], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'events-template.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['活动', '填写说明', '选项']);
    const help = wb.getWorksheet('填写说明')!;
    const helpText = help.getSheetValues().flat().join(' ');
    expect(helpText).toContain(`2—${EVENT_TEXT_LIMITS.title} 个字`);
    expect(helpText).toContain('只写日期会被退回');
    expect(helpText).toContain(`最多 ${IMPORT_LIMITS.dataRows} 行活动`);
    const sheet = wb.getWorksheet('活动')!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([...TEMPLATE_COLUMNS]);
    // Row 2 is the example, marked 示例.
    expect(String(sheet.getCell('B2').value)).toMatch(/^示例/u);
    // Drop-down lists and checks, read back from the file, down to the last row an import takes.
    const at = (name: string, row: number) => sheet.getCell(row, TEMPLATE_COLUMNS.indexOf(name as (typeof TEMPLATE_COLUMNS)[number]) + 1).dataValidation;
    const options = wb.getWorksheet('选项')!;
    expect(options.state).toBe('hidden');
    const listValues = (ref: string) => {
      const m = /^'?选项'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/u.exec(ref)!;
      return Array.from({ length: Number(m[3]) - Number(m[2]) + 1 }, (_, i) => String(options.getCell(`${m[1]}${Number(m[2]) + i}`).value));
    };
    const lastRow = IMPORT_LIMITS.dataRows + 2;
    for (const row of [2, 3, lastRow]) {
      expect(at('设区市', row).type).toBe('list');
      expect(listValues(at('设区市', row).formulae![0] as string)).toEqual(REGIONS.filter((r) => r.type === 'city').map((r) => r.shortName));
      expect(listValues(at('活动类型', row).formulae![0] as string)).toEqual(Object.values(EVENT_TYPE_LABELS));
      expect(listValues(at('活动级别', row).formulae![0] as string)).toEqual(Object.values(EVENT_LEVEL_LABELS));
      expect(listValues(at('坐标系(可选: WGS84/GCJ02/BD09, 默认 WGS84)', row).formulae![0] as string)).toEqual(['WGS84', 'GCJ02', 'BD09']);
      expect(at('开始时间', row)).toMatchObject({ type: 'date', showErrorMessage: true });
      expect(at('结束时间', row)).toMatchObject({ type: 'date', showErrorMessage: true });
      expect(at('经度', row)).toMatchObject({ type: 'decimal', formulae: [116, 122] });
    }
    expect(at('设区市', lastRow + 1)).toBeUndefined();
    // 县（市、区） lists the chosen city's own counties, through a defined name per city (南京 and 南京市).
    expect(at('县（市、区）', 2).formulae).toEqual(['INDIRECT($C2)']);
    const names = wb.definedNames.model as { name: string; ranges: string[] }[];
    for (const city of REGIONS.filter((r) => r.type === 'city')) {
      for (const name of [city.shortName, city.name]) {
        const ranges = names.find((n) => n.name === name)?.ranges ?? [];
        expect(ranges).toHaveLength(1);
        expect(listValues(ranges[0]!)).toEqual(REGIONS.filter((r) => r.parent === city.id).map((r) => r.name));
      }
    }
    // Date-time cells show a date and a time.
    expect(sheet.getColumn(TEMPLATE_COLUMNS.indexOf('开始时间') + 1).numFmt).toBe('yyyy/m/d h:mm');
    sheet.addRow([
      '',
      '汽车惠民展销进社区',
      '南京',
      '建邺区',
      '进社区',
      '县区',
      new Date(Date.UTC(2026, 11, 12, 9)),
      new Date(Date.UTC(2026, 11, 13, 17)),
      '奥体中心东广场',
      '南京市建邺区江东中路222号',
      118.7305,
      32.0088,
      '',
      '建邺区商务局',
    ]);
    const filled = join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const r = runImport(filled, join(work, 'out-template'), '--dry-run');
    expect(r.status, r.err).toBe(0);
    expect(r.err).toContain('读取工作表「活动」（只读第一个工作表；「填写说明」「选项」没有读取）');
    expect(r.err).toContain('第2行「活动名称」：以“示例”开头，是填写示例，没有导入');
    expect(r.out).toContain('共 1 个活动：新增 1 个');
    // The CSV template has the same example row, skipped the same way.
    const csv = runImport(join(dir, 'events-template.csv'), join(work, 'out-template-csv'), '--dry-run');
    expect(csv.err).toContain('第2行「活动名称」：以“示例”开头，是填写示例，没有导入');
    expect(csv.err).toContain('表格里只有示例行，没有活动');
  });
});
