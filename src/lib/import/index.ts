/**
 * Turning a city's submission sheet into events. Everything here is pure: bytes or rows of text
 * in, events and problems out. Problems name the spreadsheet row and the column as it is written
 * in that sheet, and say how to fix it, in Chinese. The same event schema as the site judges
 * every row, and its limits are the sheet's limits.
 *
 * One file per step: limits, columns, problems, sheet-bytes (CSV), zip (.xlsx containers),
 * cells, point (coordinates), issues (schema issues in editors' words), rows (rows to events)
 * write, xlsx (reading a workbook) and check (one whole file, for the command line and the
 * browser's sheet checker). The command line (scripts/import-events.ts) keeps
 * only its arguments, the reading of files and the atomic write.
 */
export * from './limits.ts';
export * from './columns.ts';
export * from './problems.ts';
export * from './sheet-bytes.ts';
export * from './zip.ts';
export * from './cells.ts';
export * from './point.ts';
export * from './issues.ts';
export * from './rows.ts';
export * from './write.ts';
export * from './xlsx.ts';
export * from './check.ts';
export * from './guide.ts';
