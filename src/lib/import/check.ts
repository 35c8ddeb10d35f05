/**
 * The sheet importer: one check of a whole file, shared by the command line
 * (scripts/import-events.ts) and the browser's sheet checker (src/client/sheet-check.worker.ts):
 * the file's size and kind, reading it (.xlsx or .csv), and every row judged by the site's
 * schema. Both print the same problems in the same words because both call this. Pure.
 */
import Papa from 'papaparse';
import type { EventItem } from '../events/events.ts';
import { plainRef, REGIONS } from '../../schemas/common.ts';
import { eventSchema } from '../../schemas/event.ts';
import { IMPORT_LIMITS, extensionOf, fileRefusal } from './limits.ts';
import { formatProblem, type ImportProblem } from './problems.ts';
import { rowsToEvents, type ImportContext, type ImportedEvent, type SheetRow } from './rows.ts';
import { decodeSheetBytes, notCsvReason } from './sheet-bytes.ts';
import { readXlsxSheet, type SheetRead, type SheetRefusal } from './xlsx.ts';
import { rowLimitProblem } from './zip.ts';

export type { SheetRead, SheetRefusal } from './xlsx.ts';

/** Reads a CSV (UTF-8, UTF-16 or GB18030) into rows of text. */
export function readCsvSheet(bytes: Uint8Array, fileName: string): SheetRead | SheetRefusal {
  const { text, encoding } = decodeSheetBytes(bytes);
  const reason = notCsvReason(bytes, text);
  if (reason) return { refused: `无法读取 ${fileName}：${formatProblem(reason)}` };
  const rows: SheetRow[] = [];
  const problems: ImportProblem[] = [];
  let record = 0;
  let headerSeen = false;
  let dataRows = 0;
  let refused: string | undefined;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      if (refused) return;
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
        refused = formatProblem(rowLimitProblem(fileName, record));
        return;
      }
      rows.push({ row: record, cells });
    },
  });
  if (refused) return { refused };
  return { rows, problems, notes: [], info: encoding === 'UTF-8' ? [] : [`按 ${encoding} 编码读取 ${fileName}。`] };
}

/** Reads a sheet file by its extension (size and kind already allowed by {@link fileRefusal}). */
export function readSheet(bytes: Uint8Array, fileName: string): SheetRead | SheetRefusal {
  return extensionOf(fileName) === '.xlsx' ? readXlsxSheet(bytes, fileName) : readCsvSheet(bytes, fileName);
}

/** The site's own regions and event schema, as the importer's context. */
export function siteImportContext(options: Pick<ImportContext, 'confirmCoordinates' | 'onProgress'> = {}): ImportContext {
  const schema = eventSchema(plainRef);
  return {
    regions: REGIONS,
    validate: (e) => {
      const r = schema.safeParse(e);
      return r.success ? { ok: true, value: r.data as unknown as Omit<EventItem, 'id'> } : { ok: false, issues: r.error.issues };
    },
    ...options,
  };
}

/** Everything one check of a file found. */
export interface SheetCheck {
  /** How the file was read (encoding, worksheet). */
  info: string[];
  /** Things to know that do not stop the import (formulas, skipped example rows …). */
  notes: ImportProblem[];
  /** What must be fixed before the sheet can be imported, by row. */
  problems: ImportProblem[];
  events: ImportedEvent[];
  /** The sheet's own name for the 活动编号 column. */
  idColumn: string;
  /** How many rows were read below the header. */
  rows: number;
}

/** Reads and checks a whole file: the one routine behind `npm run import` and the browser checker. */
export function checkSheet(
  bytes: Uint8Array,
  fileName: string,
  ctx: ImportContext & { onRead?: (info: readonly string[]) => void },
): SheetCheck | SheetRefusal {
  const refusal = fileRefusal(fileName, bytes.length);
  if (refusal) return { refused: refusal };
  const sheet = readSheet(bytes, fileName);
  if ('refused' in sheet) return sheet;
  ctx.onRead?.(sheet.info);
  const result = rowsToEvents(sheet.rows, ctx);
  // A cell already reported as a formula or error value is not reported again as empty.
  const key = (p: ImportProblem) => `${p.row}|${String(p.column)}`;
  const flagged = new Set(sheet.problems.map(key));
  const problems = [...sheet.problems, ...result.problems.filter((p) => !flagged.has(key(p)))].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const rows = Math.max(0, sheet.rows.filter((r) => r.cells.some((c) => c.trim() !== '')).length - 1);
  return { info: sheet.info, notes: [...sheet.notes, ...result.notes], problems, events: result.events, idColumn: result.idColumn, rows };
}
