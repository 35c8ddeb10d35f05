/**
 * The sheet importer: Reading the layout of an .xlsx (a zip) without trusting it: sizes that lie, zip bombs, entries
 * that overlap; and the messages for the limits it hits. Pure.
 */
import { IMPORT_LIMITS, formatBytes } from './limits.ts';
import { type ImportProblem } from './problems.ts';

/** One stored or deflated file inside an .xlsx, where its bytes are. */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  declaredBytes: number;
  dataStart: number;
  dataEnd: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = [0x50, 0x4b, 0x07, 0x08];

/**
 * The files inside an .xlsx, read the way a streaming unzipper reads them (local headers from
 * the start), plus the sizes its directory declares. Refuses, before anything is unpacked: files
 * that are not zips, old .xls or password-protected files, ZIP64, unknown compression, too many
 * entries, and declared sizes over {@link IMPORT_LIMITS}.unzippedBytes (the classic zip bomb). A
 * bomb that lies about its sizes is caught while unpacking, by counting (see the import script).
 */
export function readZipLayout(bytes: Uint8Array, fileName: string, limits = IMPORT_LIMITS): { entries: ZipEntry[] } | { problem: ImportProblem } {
  const refuse = (message: string, fix: string) => ({ problem: { row: null, column: null, message: `无法读取 ${fileName}：${message}`, fix } });
  const notXlsx = () => refuse('不是有效的 Excel（.xlsx）文件', '用 Excel 或 WPS 打开报送表，另存为 .xlsx（Excel 工作簿）或 .csv 后再导入');
  if (u32(bytes, 0) === 0xe011cfd0) {
    return refuse('这是旧版 Excel（.xls）文件，或设了打开密码的文件', '在 Excel 或 WPS 里取消打开密码，另存为 .xlsx（Excel 工作簿）后再导入');
  }
  if (bytes.length < 22 || u32(bytes, 0) !== LOCAL) return notXlsx();
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (u32(bytes, i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return notXlsx();
  const count = u16(bytes, end + 10);
  const cdOffset = u32(bytes, end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return refuse('文件格式特殊（ZIP64），不像报送表', '用 Excel 或 WPS 打开报送表，另存为 .xlsx 后再导入');
  if (count > limits.zipEntries) return refuse(`文件里有 ${count} 个部件，正常的 .xlsx 只有十几个`, '把活动复制到网站下载的模板里，另存后再导入');

  let declared = 0;
  let packed = 0;
  for (let at = cdOffset, i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return notXlsx();
    const size = u32(bytes, at + 24);
    if (size === 0xffffffff) return refuse('文件格式特殊（ZIP64），不像报送表', '用 Excel 或 WPS 打开报送表，另存为 .xlsx 后再导入');
    declared += size;
    packed += u32(bytes, at + 20);
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  const tooBig = (bytesOut: number) =>
    refuse(
      `文件只有 ${formatBytes(bytes.length)}，解压后却有 ${formatBytes(bytesOut)}（上限 ${formatBytes(limits.unzippedBytes)}），不像正常的报送表，没有读取`,
      `可能是文件损坏或被做了手脚（“压缩炸弹”）。一张表最多 ${limits.dataRows} 行活动；请把活动复制粘贴到网站下载的模板里，另存后再导入`,
    );
  const isBomb = (unpacked: number, packedBytes: number) => unpacked > limits.unzippedBytes && unpacked > packedBytes * limits.bombRatio;
  if (isBomb(declared, packed)) return tooBig(declared);

  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 4 <= bytes.length) {
    const signature = u32(bytes, at);
    if (signature === CENTRAL || signature === END) break;
    if (signature !== LOCAL || at + 30 > bytes.length) return notXlsx();
    if (entries.length >= limits.zipEntries) return refuse('文件里的部件太多，正常的 .xlsx 只有十几个', '把活动复制到网站下载的模板里，另存后再导入');
    const flags = u16(bytes, at + 6);
    const method = u16(bytes, at + 8);
    const compressed = u32(bytes, at + 18);
    const size = u32(bytes, at + 22);
    const nameStart = at + 30;
    const dataStart = nameStart + u16(bytes, at + 26) + u16(bytes, at + 28);
    if (dataStart > bytes.length) return notXlsx();
    const name = new TextDecoder().decode(bytes.subarray(nameStart, nameStart + u16(bytes, at + 26)));
    if (flags & 1) return refuse('文件设了密码', '在 Excel 或 WPS 里取消密码，另存为 .xlsx 后再导入');
    if (method !== 0 && method !== 8) return refuse('文件用了不常见的压缩方式', '用 Excel 或 WPS 打开报送表，另存为 .xlsx 后再导入');
    if (compressed === 0xffffffff || size === 0xffffffff)
      return refuse('文件格式特殊（ZIP64），不像报送表', '用 Excel 或 WPS 打开报送表，另存为 .xlsx 后再导入');
    let dataEnd: number;
    let next: number;
    if (flags & 8 && compressed === 0) {
      // Size given after the data: the unzipper scans for the descriptor's signature; so do we.
      dataEnd = -1;
      for (let i = dataStart; i + 4 <= bytes.length; i += 1) {
        if (bytes[i] === DESCRIPTOR[0] && bytes[i + 1] === DESCRIPTOR[1] && bytes[i + 2] === DESCRIPTOR[2] && bytes[i + 3] === DESCRIPTOR[3]) {
          dataEnd = i;
          break;
        }
      }
      if (dataEnd < 0) return notXlsx();
      next = dataEnd + 16;
    } else {
      dataEnd = dataStart + compressed;
      next = dataEnd;
    }
    if (dataEnd > bytes.length) return notXlsx();
    entries.push({ name, method: method as 0 | 8, declaredBytes: size, dataStart, dataEnd });
    at = next;
  }
  const localDeclared = entries.reduce((s, e) => s + e.declaredBytes, 0);
  if (
    isBomb(
      localDeclared,
      entries.reduce((s, e) => s + e.dataEnd - e.dataStart, 0),
    )
  )
    return tooBig(localDeclared);
  return { entries };
}

/** The message when unpacking passes the limit (a bomb that lied about its sizes). */
export function unzipLimitProblem(fileName: string, fileBytes: number, limits = IMPORT_LIMITS): ImportProblem {
  return {
    row: null,
    column: null,
    message: `无法读取 ${fileName}：文件只有 ${formatBytes(fileBytes)}，解压到 ${formatBytes(limits.unzippedBytes)} 还没有完（上限 ${formatBytes(limits.unzippedBytes)}），不像正常的报送表，已停止读取`,
    fix: `可能是文件损坏或被做了手脚（“压缩炸弹”）。一张表最多 ${limits.dataRows} 行活动；请把活动复制粘贴到网站下载的模板里，另存后再导入`,
  };
}

/** The message when a sheet has more events than one import takes; `where` is the file or sheet. */
export function rowLimitProblem(where: string, stoppedAtRow: number, limits = IMPORT_LIMITS): ImportProblem {
  return {
    row: null,
    column: null,
    message: `${where}${/[!-~]$/u.test(where) ? ' ' : ''}里的活动超过 ${limits.dataRows} 行（读到第 ${stoppedAtRow} 行时停止），一次最多导入 ${limits.dataRows} 个活动，没有导入任何活动`,
    fix: `把表格拆成几个文件（例如按月份或按县区），每个不超过 ${limits.dataRows} 行，分别导入`,
  };
}
