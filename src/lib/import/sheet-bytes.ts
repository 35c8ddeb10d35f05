/**
 * The sheet importer: Reading CSV bytes: which text encoding a sheet from Excel, WPS or Numbers is in, and telling
 * a CSV from a file that only has the name. Pure.
 */
import { type ImportProblem } from './problems.ts';

/** The text encodings a CSV from Excel, WPS or Numbers comes in. */
export type SheetEncoding = 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

/** Which UTF-16 a BOM-less text is, judged by where its zero bytes fall; undefined if neither. */
function sniffUtf16(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'UTF-16LE';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'UTF-16BE';
  return undefined;
}

/**
 * Text of a file as saved by Excel, WPS or Numbers: UTF-8 with or without BOM; UTF-16 (Excel's
 * "Unicode 文本", with BOM FF FE or FE FF, or without BOM); otherwise GB18030 (which covers GBK,
 * what Excel on Chinese Windows writes for "CSV").
 */
export function decodeSheetBytes(bytes: Uint8Array): { text: string; encoding: SheetEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16.toLowerCase()).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

/**
 * Why bytes named .csv are not a CSV, if they are not: an Excel file with the wrong extension,
 * or binary data. Undefined for text.
 */
export function notCsvReason(bytes: Uint8Array, text: string): ImportProblem | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { row: null, column: null, message: '这个文件其实是 Excel（.xlsx）文件，只是扩展名是 .csv', fix: '把文件扩展名改成 .xlsx 再导入' };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return {
      row: null,
      column: null,
      message: '这个文件是旧版 Excel（.xls）文件，不是 CSV',
      fix: '在 Excel 或 WPS 里另存为 .xlsx（Excel 工作簿）或 CSV UTF-8',
    };
  }
  if (text.includes('\u0000')) {
    return { row: null, column: null, message: '文件里有不是文字的内容，不是 CSV 表格', fix: '在 Excel 或 WPS 里打开报送表，另存为 .xlsx 或 CSV UTF-8' };
  }
  return undefined;
}
