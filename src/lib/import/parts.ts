/**
 * The sheet importer: the parts of an .xlsx (a zip of XML files), inflated in small slices with
 * every unpacked byte counted against the limit, and parsed as a stream of tags. Pure.
 */
import { Inflate } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { IMPORT_LIMITS } from './limits.ts';
import { formatProblem } from './problems.ts';
import { unzipLimitProblem, type ZipEntry } from './zip.ts';

/** Thrown inside the reader to stop at once; turned into a {@link SheetRefusal}. */
export class Stop extends Error {
  readonly refused: string;
  constructor(refused: string) {
    super(refused);
    this.refused = refused;
  }
}

export const technical = (error: unknown) => `（技术细节：${String((error as Error)?.message ?? error).slice(0, 120)}）`;
export const resave = '请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后再试。';

/** The local name of a tag: writers may prefix SpreadsheetML (x:row). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Counts every unpacked byte of the parts read, across parts. */
export interface Budget {
  used: number;
}

/**
 * Streams one part's text through `onText`, inflating 16 KB of packed data at a time (at most
 * about 16 MB unpacked per step, even for a bomb) and stopping past the limit.
 */
function streamPart(bytes: Uint8Array, entry: ZipEntry, budget: Budget, fileName: string, onText: (text: string) => void): void {
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  const decoder = new TextDecoder('utf-8');
  const take = (chunk: Uint8Array) => {
    budget.used += chunk.length;
    if (budget.used > IMPORT_LIMITS.unzippedBytes) throw new Stop(formatProblem(unzipLimitProblem(fileName, bytes.length)));
    onText(decoder.decode(chunk, { stream: true }));
  };
  const SLICE = 16 * 1024;
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += SLICE * 4) take(data.subarray(i, i + SLICE * 4));
  } else {
    const inflate = new Inflate((chunk) => take(chunk));
    try {
      for (let i = 0; i < data.length; i += SLICE) inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof Stop) throw error;
      throw new Stop(`无法读取 ${fileName}：不是有效的 Excel（.xlsx）文件，内容已损坏${technical(error)}。请用 Excel 或 WPS 打开，${resave.slice(1)}`);
    }
  }
  onText(decoder.decode());
}

/** Parses one part as XML, streaming; `open`/`close`/`text` see local tag names. */
export function parsePart(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  fileName: string,
  handlers: { open?: (tag: string, attrs: Record<string, string>) => void; close?: (tag: string) => void; text?: (text: string) => void },
): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('error', (error) => {
    throw new Stop(`无法读取 ${fileName}：不是有效的 Excel（.xlsx）文件${technical(error)}。${resave}`);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (node: SaxesTagPlain) => open(local(node.name), node.attributes));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (node) => close(local(node.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  streamPart(bytes, entry, budget, fileName, (text) => {
    if (text) parser.write(text);
  });
  parser.close();
}
