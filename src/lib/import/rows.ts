/**
 * The sheet importer: Rows to events: each row judged by the site's own event schema, with problems and notes in the
 * sheet's own words. Pure.
 */
import { EVENT_ID_PATTERN, eventIdProblem } from '../event-ids.ts';
import type { z } from 'astro/zod';
import { EVENT_FIRST_YEAR, EVENT_LIST_LIMIT, EVENT_PHONE_PATTERN, EVENT_TEXT_LIMITS, EVENT_TEXT_MIN, endsBeforeStart } from '../../schemas/event.ts';
import { EVENT_LEVEL_LABELS, EVENT_SERVICE_LABELS, EVENT_TYPE_LABELS } from '../event-labels.ts';
import { makeEventId, type EventItem } from '../events/events.ts';
import { makePlausibility } from '../plausibility.ts';
import type { RegionEntry } from '../regions.ts';
import { cleanText } from '../text.ts';
import { COLUMN_NAMES, KEYS, type Key, REQUIRED, columnLabel, readHeader } from './columns.ts';
import { type ImportProblem, columnLetter, quote } from './problems.ts';
import { DATE_TIME_FIX, makeRegionMatcher, parseDateTime, parseLevel, parseType, splitList } from './cells.ts';
import { readPoint } from './point.ts';
import { explainIssue } from './issues.ts';

/** One row of a sheet: its row number as the spreadsheet shows it, and its cells' text. */
export interface SheetRow {
  row: number;
  cells: readonly string[];
}

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
export interface ImportedEvent {
  row: number;
  event: EventItem;
}

const plausibilityFor = new WeakMap<readonly RegionEntry[], ReturnType<typeof makePlausibility>>();

const ID_PATTERN = EVENT_ID_PATTERN;

/** The 活动名称 of the template's example row: 示例, 【示例】, （示例）…, never imported. */
export const EXAMPLE_TITLE = /^[【[（(]?示例/u;

/**
 * Reads the sheet's rows (the first non-empty row is the header) into events, or every problem
 * found. `notes` are things the editor should know that do not stop the import.
 */
export function rowsToEvents(
  rows: readonly SheetRow[],
  ctx: ImportContext,
): { events: ImportedEvent[]; problems: ImportProblem[]; notes: ImportProblem[]; idColumn: string } {
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const headerRow = nonEmpty[0];
  if (!headerRow)
    return {
      events: [],
      notes,
      idColumn: COLUMN_NAMES.id,
      problems: [{ row: null, column: null, message: '表格是空的', fix: '从网站下载模板，按列填写后再导入' }],
    };
  const { keys, labels } = readHeader(headerRow.cells);
  const label = (k: Key) => labels[k] ?? COLUMN_NAMES[k];
  // Two columns that both mean 活动名称 (say 活动名称 and 名称): which one holds the truth is
  // a guess, so neither is used; the editor is told both.
  const repeated = KEYS.map((k) => ({ k, at: keys.flatMap((x, i) => (x === k ? [i] : [])) })).filter((d) => d.at.length > 1);
  if (repeated.length > 0) {
    return {
      events: [],
      notes,
      idColumn: label('id'),
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
    return {
      events: [],
      notes,
      idColumn: label('id'),
      problems: [
        {
          row: headerRow.row,
          column: null,
          message: `缺少列：${missing.map((k) => COLUMN_NAMES[k]).join('、')}`,
          fix: '第一行应为模板的列名，请从网站下载模板（/data/templates/events-template.xlsx）并按它填写',
        },
      ],
    };
  }
  // The template's example row (活动名称 starting with 示例) shows how to fill in; it is never imported.
  const titleAt = keys.indexOf('title');
  const isExample = (r: SheetRow) => EXAMPLE_TITLE.test(cleanText(r.cells[titleAt] ?? '').trim());
  for (const r of nonEmpty.slice(1).filter(isExample)) {
    notes.push({
      row: r.row,
      column: label('title'),
      message: '以“示例”开头，是填写示例，没有导入',
      fix: '真实活动的名称不要以“示例”开头；示例行可以留着，也可以删掉',
    });
  }
  const dataRows = nonEmpty.slice(1).filter((r) => !isExample(r));
  if (dataRows.length === 0 && notes.length > 0) {
    return {
      events: [],
      notes,
      idColumn: label('id'),
      problems: [{ row: null, column: null, message: '表格里只有示例行，没有活动', fix: `在示例行下面每行填写一个活动` }],
    };
  }
  if (dataRows.length === 0) {
    return {
      events: [],
      notes,
      idColumn: label('id'),
      problems: [{ row: null, column: null, message: '表格里没有活动，只有列名', fix: `从第${headerRow.row + 1}行起每行填写一个活动` }],
    };
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
    const add = (k: Key | Key[], message: string, fix: string) =>
      rowProblems.push({ row: rowNo, column: Array.isArray(k) ? k.map(label) : label(k), message, fix });

    for (const k of REQUIRED) if (!get(k)) add(k, '不能为空', `请填写「${label(k)}」`);

    // Lengths first: the schema's limits, said with the sheet's column names.
    const tooLong = (k: Key, value: string, max: number, what = '') => {
      if (value.length > max) add(k, `${what}有 ${value.length} 个字，最多 ${max} 个字`, `删减到 ${max} 个字以内`);
      return value.length > max;
    };
    const tooShort = (k: Key, value: string, min: number, what = '') => {
      if (value && value.length < min) add(k, `${what}${quote(value)}太短，至少 ${min} 个字`, '写全称');
    };
    if (!tooLong('title', get('title'), EVENT_TEXT_LIMITS.title)) tooShort('title', get('title'), EVENT_TEXT_MIN.title);
    if (!tooLong('venue', get('venue'), EVENT_TEXT_LIMITS.venue)) tooShort('venue', get('venue'), EVENT_TEXT_MIN.venue);
    if (!tooLong('address', get('address'), EVENT_TEXT_LIMITS.address)) tooShort('address', get('address'), EVENT_TEXT_MIN.address);
    tooLong('notes', get('notes'), EVENT_TEXT_LIMITS.notes);
    const lists = { organisers: splitList(get('organisers')), hosts: splitList(get('hosts')), brands: splitList(get('brands')) };
    for (const k of ['organisers', 'hosts', 'brands'] as const) {
      const max = k === 'brands' ? EVENT_TEXT_LIMITS.brand : EVENT_TEXT_LIMITS.organisation;
      if (lists[k].length > EVENT_LIST_LIMIT) add(k, `填了 ${lists[k].length} 个，最多 ${EVENT_LIST_LIMIT} 个`, `只留最主要的 ${EVENT_LIST_LIMIT} 个`);
      else
        lists[k].forEach((item, i) => {
          if (!tooLong(k, item, max, `第${i + 1}个`) && k !== 'brands') tooShort(k, item, EVENT_TEXT_MIN.organisation, `第${i + 1}个`);
        });
    }
    if (get('phone') && !EVENT_PHONE_PATTERN.test(get('phone'))) {
      add('phone', `${quote(get('phone'))}不是电话号码的写法`, '只写一个号码，用数字、连字符（-）和括号，5—20 个字符，例如 025-12345678；其他号码写在备注里');
    }

    const city = get('city') ? match.city(get('city')) : undefined;
    if (get('city') && !city)
      add('city', `${quote(get('city'))}不是江苏的设区市`, `填写 ${match.cities.map((c) => c.shortName).join('、')} 之一（带不带“市”都可以）`);
    let county: RegionEntry | undefined;
    if (get('county') && city) {
      county = match.county(city, get('county'));
      if (!county) {
        const elsewhere = match.countyAnywhere(get('county'));
        const parent = elsewhere ? ctx.regions.find((r) => r.id === elsewhere.parent) : undefined;
        add(
          'county',
          `${quote(get('county'))}不是${city.name}的县（市、区）${parent ? `，它属于${parent.name}` : ''}`,
          `检查「${label('city')}」和「${label('county')}」是否填对；${city.name}下辖：${ctx.regions
            .filter((r) => r.parent === city.id)
            .map((r) => r.name)
            .join('、')}`,
        );
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
    if (start.value && end.value && endsBeforeStart(start.value, end.value))
      add('end', '结束时间早于开始时间', `检查「${label('start')}」和「${label('end')}」是否填反`);
    const year = start.value ? Number(start.value.slice(0, 4)) : undefined;
    if (year !== undefined && year < EVENT_FIRST_YEAR)
      add('start', `${label('start')}是${year}年，本网站只收${EVENT_FIRST_YEAR}年及以后的活动`, '核对年份；往年的活动不用导入');

    const point = readPoint(get, add, label, { city, county, plausibility, confirm: ctx.confirmCoordinates ?? false, notes, rowNo });

    const serviceWords = splitList(get('services'));
    const serviceKeys = serviceWords.map((w) => Object.entries(EVENT_SERVICE_LABELS).find(([k, l]) => l === w || k === w)?.[0]);
    serviceWords.forEach((w, i) => {
      if (!serviceKeys[i]) add('services', `${quote(w)}不是现场服务项目`, `填写 ${Object.values(EVENT_SERVICE_LABELS).join('、')}，多项用顿号分开`);
    });

    const givenId = get('id');
    const idProblem = givenId ? eventIdProblem(givenId) : undefined;
    if (idProblem)
      add(
        'id',
        idProblem,
        ID_PATTERN.test(givenId)
          ? '换一个编号，例如在前面加上年份和城市：2026-nanjing-001；也可以不填，由系统生成'
          : '只用小写字母、数字和连字符（不能有 / 或 \\ 等符号），3—64 个字符，例如 2026-nanjing-001；也可以不填，由系统生成',
      );

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
      for (const r of rowsWithId)
        problems.push({
          row: r,
          column: label('id'),
          message: `活动编号 ${id} 与第${rowsWithId.filter((x) => x !== r).join('、')}行重复`,
          fix: '同一活动只保留一行；不同活动请给不同编号，或不填编号',
        });
    }
  }
  ctx.onProgress?.(dataRows.length, dataRows.length);
  const byRow = (a: ImportProblem, b: ImportProblem) => (a.row ?? 0) - (b.row ?? 0);
  return { events: problems.length ? [] : events, problems: problems.sort(byRow), notes: notes.sort(byRow), idColumn: label('id') };
}
