/**
 * The sheet importer: What one import may hold (file size, unpacked size, rows, cell length), checked before any
 * heavy work, and how sizes are written in messages. Pure.
 */

/**
 * What one import may hold. A real city sheet is far below every limit (a month of events is a
 * few hundred rows and well under 1 MB); the limits keep a wrong or hostile file from taking
 * minutes and gigabytes.
 */
export const IMPORT_LIMITS = {
  /** Largest .xlsx or .csv file, in bytes. */
  fileBytes: 10 * 1024 * 1024,
  /** Most events (non-empty rows below the header) in one sheet. */
  dataRows: 5000,
  /** Most bytes an .xlsx may unpack to (the parts that are read), against zip bombs. */
  unzippedBytes: 50 * 1024 * 1024,
  /** Most files inside an .xlsx (a real one has about ten). */
  zipEntries: 1000,
  /**
   * Unpacked ÷ packed size above which a file over the unpacked limit is refused before it is
   * read. Sheets pack about 10:1; zeros pack 1000:1. Below this ratio a big file is streamed
   * instead, so that a sheet with a million rows is told about the row limit, the real fix.
   */
  bombRatio: 100,
} as const;

const MB = 1024 * 1024;
/** "12.3 MB", "300 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The file kinds the importer reads, by extension. */
export const SHEET_EXTENSIONS = ['.xlsx', '.csv', '.txt'] as const;

export const extensionOf = (fileName: string) => /\.[^.]+$/u.exec(fileName)?.[0].toLowerCase() ?? '';

/** Why a file is not even opened (too big, or not a kind the importer reads); undefined if it may be. */
export function fileRefusal(fileName: string, size: number, limits = IMPORT_LIMITS): string | undefined {
  if (size > limits.fileBytes) {
    return `${fileName} 有 ${formatBytes(size)}，超过 ${formatBytes(limits.fileBytes)} 的上限，没有读取。报送表一般不到 1 MB：请检查表格里是否放了图片，或把表格拆成几个文件（每个不超过 ${limits.dataRows} 行活动）分别导入。`;
  }
  if (!(SHEET_EXTENSIONS as readonly string[]).includes(extensionOf(fileName))) {
    return `无法读取 ${fileName}：只支持 .xlsx 和 .csv 文件。旧版 .xls 请在 Excel 或 WPS 里另存为 .xlsx。`;
  }
  return undefined;
}
