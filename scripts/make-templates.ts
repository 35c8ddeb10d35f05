/**
 * Writes the submission templates editors send to cities:
 *   public/data/templates/events-template.xlsx (with a 填写说明 sheet) and events-template.csv
 *   npm run templates [-- <folder>]   (another folder: for tests; default public/data/templates)
 * Run it again whenever the columns or the allowed values change.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { EVENT_LEVEL_LABELS, EVENT_SERVICE_LABELS, EVENT_TYPE_LABELS } from '../src/lib/event-labels.ts';
import { IMPORT_LIMITS, TEMPLATE_COLUMNS } from '../src/lib/import/index.ts';
import { CITY_SLUGS } from '../src/lib/regions.ts';
import { EVENT_LIST_LIMIT, EVENT_TEXT_LIMITS as MAX } from '../src/schemas/event.ts';

const help: [string, string, string][] = [
  ['活动编号(可选)', '否', '小写字母、数字和连字符，例如 2026-nanjing-001；不填则自动生成。同一活动再次报送时请保持不变。'],
  ['活动名称', '是', `不写场地和优惠，例如“汽车惠民展销进社区”；2—${MAX.title} 个字`],
  ['设区市', '是', '南京、无锡……（带不带“市”都可以）'],
  ['县（市、区）', '县区级活动必填', '例如 玄武区 或 玄武'],
  ['活动类型', '是', Object.values(EVENT_TYPE_LABELS).join('、')],
  ['活动级别', '是', Object.values(EVENT_LEVEL_LABELS).join('、')],
  ['开始时间', '是', '2026/3/5 9:00 或 2026-03-05 09:00（北京时间）。日期和钟点都要写，只写日期会被退回'],
  ['结束时间', '是', '同上，不能早于开始时间'],
  ['场地名称', '是', `例如 奥体中心东广场；2—${MAX.venue} 个字`],
  ['详细地址', '是', `例如 南京市建邺区江东中路222号；4—${MAX.address} 个字`],
  ['经度', '是', '小数，例如 118.7305；江苏约在 116—122 之间。不要写度分秒'],
  ['纬度', '是', '小数，例如 32.0088；江苏约在 30—35 之间'],
  ['坐标系(可选: WGS84/GCJ02/BD09, 默认 WGS84)', '否', '从高德、腾讯地图复制的坐标填 GCJ02，从百度地图复制的填 BD09，GPS 或天地图填 WGS84'],
  ['主办单位', '是', `多个用顿号分开，最多 ${EVENT_LIST_LIMIT} 个，每个 2—${MAX.organisation} 个字`],
  ['承办单位', '否', `多个用顿号分开，最多 ${EVENT_LIST_LIMIT} 个，每个 2—${MAX.organisation} 个字`],
  ['参与品牌', '否', `多个用顿号分开，最多 ${EVENT_LIST_LIMIT} 个，每个最多 ${MAX.brand} 个字`],
  ['现场服务', '否', `${Object.values(EVENT_SERVICE_LABELS).join('、')}，多个用顿号分开`],
  ['咨询电话', '否', '只填一个号码，例如 025-12345678'],
  ['备注', '否', `最多 ${MAX.notes} 个字`],
];

const workbook = new ExcelJS.Workbook();
workbook.creator = '江苏省商务厅';
workbook.created = new Date('2026-01-01T00:00:00Z');
workbook.modified = new Date('2026-01-01T00:00:00Z');
const sheet = workbook.addWorksheet('活动');
sheet.addRow([...TEMPLATE_COLUMNS]);
sheet.getRow(1).font = { bold: true };
sheet.columns.forEach((c) => {
  c.width = 16;
});
sheet.views = [{ state: 'frozen', ySplit: 1 }];
// Dates typed into the time columns keep their time on screen; coordinates never turn into 1.18E+02.
for (const name of ['开始时间', '结束时间'] as const) sheet.getColumn(TEMPLATE_COLUMNS.indexOf(name) + 1).numFmt = 'yyyy/m/d h:mm';
for (const name of ['经度', '纬度'] as const) sheet.getColumn(TEMPLATE_COLUMNS.indexOf(name) + 1).numFmt = '0.000000';
const notes = workbook.addWorksheet('填写说明');
notes.addRow(['列名', '必填', '怎么填']);
notes.getRow(1).font = { bold: true };
for (const h of help) notes.addRow(h);
notes.addRow([]);
notes.addRow([
  '说明',
  '',
  `一行一个活动；请勿修改第一行列名；只导入第一个工作表。一个文件最多 ${IMPORT_LIMITS.dataRows} 行活动、不超过 ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB，多了请分成几个文件。请直接填写内容，不用公式。设区市拼音：${CITY_SLUGS.join('、')}`,
]);
notes.columns = [{ width: 36 }, { width: 16 }, { width: 90 }];
const outDir = process.argv[2] ?? 'public/data/templates';
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'events-template.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
writeFileSync(join(outDir, 'events-template.csv'), '\uFEFF' + Papa.unparse([[...TEMPLATE_COLUMNS]], { newline: '\r\n' }) + '\r\n');
console.log(`已生成 ${join(outDir, 'events-template.xlsx')} 和 events-template.csv`);
