/**
 * Writes the submission templates editors send to cities:
 *   public/data/templates/events-template.xlsx (with a 填写说明 sheet) and events-template.csv
 *   npm run templates [-- <folder>]   (another folder: for tests; default public/data/templates)
 * Run it again whenever the columns or the allowed values change.
 *
 * The .xlsx prevents mistakes as they are typed: drop-down lists (Excel data validation) for
 * 设区市, 县（市、区） (the chosen city's own, through one defined name per city), 活动类型,
 * 活动级别 and 坐标系; date-time cells with a format and a check; coordinates within Jiangsu. The
 * lists live on a hidden sheet 选项, which the importer never reads (it reads the first visible
 * sheet). Row 2 is an example whose 活动名称 starts with 示例: the importer skips it and says so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { EVENT_LEVEL_LABELS, EVENT_TYPE_LABELS } from '../src/lib/event-labels.ts';
import { exampleText, FIELD_GUIDE, IMPORT_LIMITS, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLE } from '../src/lib/import/index.ts';
import { CITY_SLUGS } from '../src/lib/regions.ts';
import { REGIONS } from '../src/schemas/common.ts';

const workbook = new ExcelJS.Workbook();
workbook.creator = '江苏省商务厅';
workbook.created = new Date('2026-01-01T00:00:00Z');
workbook.modified = new Date('2026-01-01T00:00:00Z');
const sheet = workbook.addWorksheet('活动');
const notes = workbook.addWorksheet('填写说明');
sheet.addRow([...TEMPLATE_COLUMNS]);
sheet.getRow(1).font = { bold: true };
sheet.addRow(TEMPLATE_COLUMNS.map((c) => TEMPLATE_EXAMPLE[c]));
sheet.getRow(2).font = { italic: true, color: { argb: 'FF595959' } };
sheet.getRow(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
sheet.columns.forEach((c) => {
  c.width = 16;
});
sheet.getColumn(2).width = 40;
sheet.views = [{ state: 'frozen', ySplit: 1 }];
// Dates typed into the time columns keep their time on screen; coordinates never turn into 1.18E+02.
for (const name of ['开始时间', '结束时间'] as const) sheet.getColumn(TEMPLATE_COLUMNS.indexOf(name) + 1).numFmt = 'yyyy/m/d h:mm';
for (const name of ['经度', '纬度'] as const) sheet.getColumn(TEMPLATE_COLUMNS.indexOf(name) + 1).numFmt = '0.000000';

// The lists behind the drop-downs, on a hidden sheet; one defined name per city for its counties.
const options = workbook.addWorksheet('选项', { state: 'hidden' });
const cities = REGIONS.filter((r) => r.type === 'city');
const lists: [string, string[]][] = [
  ['设区市', cities.map((c) => c.shortName)],
  ['活动类型', Object.values(EVENT_TYPE_LABELS)],
  ['活动级别', Object.values(EVENT_LEVEL_LABELS)],
  ['坐标系', ['WGS84', 'GCJ02', 'BD09']],
  ...cities.map((c) => [c.shortName, REGIONS.filter((r) => r.parent === c.id).map((r) => r.name)] as [string, string[]]),
];
const listRange = new Map<string, string>();
lists.forEach(([title, values], i) => {
  const col = options.getColumn(i + 1);
  col.values = [title, ...values];
  col.width = 14;
  const letter = col.letter;
  listRange.set(title, `选项!$${letter}$2:$${letter}$${values.length + 1}`);
});
for (const c of cities) {
  const range = listRange.get(c.shortName)!;
  // Both 南京 and 南京市 name the same list, so a city typed either way still offers its counties.
  workbook.definedNames.add(range, c.shortName);
  workbook.definedNames.add(range, c.name);
}
const last = IMPORT_LIMITS.dataRows + 2;
// ExcelJS writes range validations (sqref) but its types do not declare the collection.
const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
const column = (name: (typeof TEMPLATE_COLUMNS)[number]) => sheet.getColumn(TEMPLATE_COLUMNS.indexOf(name) + 1).letter;
const rangeOf = (name: (typeof TEMPLATE_COLUMNS)[number]) => `${column(name)}2:${column(name)}${last}`;
const pick = (title: string, list: string, prompt: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [list],
  showInputMessage: true,
  promptTitle: title,
  prompt,
  showErrorMessage: true,
  errorStyle: 'error',
  errorTitle: `「${title}」不在列表里`,
  error: `请从下拉列表里选择${title}。`,
});
validations.add(rangeOf('设区市'), pick('设区市', listRange.get('设区市')!, '从列表里选择设区市'));
validations.add(
  rangeOf('县（市、区）'),
  pick('县（市、区）', `INDIRECT($${column('设区市')}2)`, '先选设区市，再从列表里选择它下辖的县（市、区）；市级活动可以不填'),
);
validations.add(rangeOf('活动类型'), pick('活动类型', listRange.get('活动类型')!, '从列表里选择活动类型'));
validations.add(rangeOf('活动级别'), pick('活动级别', listRange.get('活动级别')!, '从列表里选择活动级别'));
validations.add(
  rangeOf('坐标系(可选: WGS84/GCJ02/BD09, 默认 WGS84)'),
  pick('坐标系', listRange.get('坐标系')!, '高德、腾讯地图的坐标选 GCJ02，百度地图的选 BD09，GPS 或天地图选 WGS84；不填按 WGS84'),
);
for (const name of ['开始时间', '结束时间'] as const) {
  validations.add(rangeOf(name), {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2031, 0, 1))],
    showInputMessage: true,
    promptTitle: name,
    prompt: '日期和钟点都要写，例如 2026/12/12 9:00',
    showErrorMessage: true,
    errorStyle: 'error',
    errorTitle: `「${name}」不是日期`,
    error: '请写成 2026/12/12 9:00 这样的日期和钟点。',
  });
}
for (const [name, min, max] of [
  ['经度', 116, 122],
  ['纬度', 30, 35],
] as const) {
  validations.add(rangeOf(name), {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [min, max],
    showInputMessage: true,
    promptTitle: name,
    prompt: `小数，江苏约在 ${min}—${max} 之间；不要写度分秒`,
    showErrorMessage: true,
    errorStyle: 'error',
    errorTitle: `「${name}」不在江苏`,
    error: `请填写 ${min}—${max} 之间的小数，例如 ${name === '经度' ? '118.7305' : '32.0088'}。`,
  });
}
notes.addRow(['列名', '必填', '怎么填']);
notes.getRow(1).font = { bold: true };
for (const f of FIELD_GUIDE) notes.addRow([f.column, f.required, f.how]);
notes.addRow([]);
notes.addRow([
  '说明',
  '',
  `一行一个活动；请勿修改第一行列名；只导入第一个工作表。第 2 行是填写示例（活动名称以“示例”开头），导入时跳过。一个文件最多 ${IMPORT_LIMITS.dataRows} 行活动、不超过 ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB，多了请分成几个文件。请直接填写内容，不用公式。设区市拼音：${CITY_SLUGS.join('、')}`,
]);
notes.columns = [{ width: 36 }, { width: 16 }, { width: 90 }];
const outDir = process.argv[2] ?? 'public/data/templates';
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'events-template.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
writeFileSync(
  join(outDir, 'events-template.csv'),
  '\uFEFF' + Papa.unparse([[...TEMPLATE_COLUMNS], TEMPLATE_COLUMNS.map((c) => exampleText(TEMPLATE_EXAMPLE[c]))], { newline: '\r\n' }) + '\r\n',
);
console.log(`已生成 ${join(outDir, 'events-template.xlsx')} 和 events-template.csv`);
