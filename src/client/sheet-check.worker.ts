/**
 * The sheet checker's Web Worker: runs the importer's own code (src/lib/import/check.ts, the same
 * code as `npm run import`) on a file read on this computer. Nothing is sent anywhere: the worker
 * gets the bytes from the page and posts back text. A hostile file can only keep this worker busy;
 * the page stops it after a time limit, so the tab never hangs.
 */
import { checkSheet, siteImportContext } from '../lib/import/check.ts';
import { formatProblem, summariseNotes } from '../lib/import/problems.ts';
import { REGIONS } from '../schemas/common.ts';
import type { SheetCheckReport, SheetCheckRequest } from './sheet-check-report.ts';

const PREVIEW_ROWS = 50;
const names = new Map(REGIONS.map((r) => [r.id, r.name]));
const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

self.onmessage = (event: MessageEvent<SheetCheckRequest>) => {
  const { name, bytes } = event.data;
  const result = checkSheet(new Uint8Array(bytes), name, siteImportContext());
  const report: SheetCheckReport =
    'refused' in result
      ? { refused: result.refused, info: result.info ?? [], notes: [], problems: [], count: 0, preview: [] }
      : {
          info: result.info,
          notes: summariseNotes(result.notes),
          problems: result.problems.map(formatProblem),
          count: result.events.length,
          preview: result.events.slice(0, PREVIEW_ROWS).map(({ row, event: e }) => ({
            row,
            title: e.title,
            place: `${names.get(e.city) ?? e.city}${e.county ? (names.get(e.county) ?? e.county) : ''}`,
            time: `${time(e.start)} 至 ${time(e.end)}`,
            venue: e.venue.name,
          })),
        };
  self.postMessage(report);
};
