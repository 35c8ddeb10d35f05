/**
 * The site's CSV files (events, the plan, the monthly reports, each city's data), written one way:
 * a byte-order mark so Excel on Chinese Windows reads UTF-8, CRLF line ends, a header row, and no
 * cell that a spreadsheet would run as a formula. Pure.
 */
import Papa from 'papaparse';

/**
 * A spreadsheet cell that Excel, WPS or LibreOffice would not run as a formula. Following OWASP's
 * advice on CSV injection, a cell beginning with = + - @ tab or carriage return gets a leading
 * apostrophe (shown as text by spreadsheet programs). Plain numbers such as -3.5 are left alone,
 * so coordinates and counts stay numbers.
 */
export function csvSafe(value: string | number | boolean | null | undefined): string | number | boolean | null | undefined {
  if (typeof value !== 'string') return value;
  if (/^-?\d+(\.\d+)?$/u.test(value)) return value;
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

/** CSV text of `rows`, one column per name in `columns`, in that order. */
export function toCsv<C extends string>(columns: readonly C[], rows: readonly Readonly<Record<C, unknown>>[]): string {
  const data = rows.map((r) => columns.map((c) => csvSafe(r[c] as string | number | boolean | null | undefined)));
  return '\uFEFF' + Papa.unparse({ fields: [...columns], data }, { newline: '\r\n' }) + '\r\n';
}
