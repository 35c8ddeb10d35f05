/**
 * The daily rebuild writes only what changed (scripts/daily-rebuild.sh runs this after a new
 * release is built and has passed its checks, before `current` is switched to it):
 *
 *   node scripts/link-unchanged.ts <新版本目录> <线上版本目录>
 *
 * Every file of the new release that is byte-identical to the file at the same path in the live
 * release is replaced by a hard link to the live file (same inode), so the ~80,000 files of a
 * 20,000-event site take new space and disk writes only where a day's build differs. Files are
 * compared by size (and mode and owner) first, then by content, streamed in blocks; each
 * replacement is a link to a temporary name and a rename over the built file, so the new release
 * is complete at every moment. The live release is only read: its files keep their content, mode
 * and mtime (a new link adds to the inode's link count, nothing else).
 *
 * A file that cannot be linked (the two releases are on different file systems, different mode
 * or owner, any error) keeps its freshly built copy, which is always correct. Deleting an old
 * release later only removes its names; files still linked from the newer releases stay.
 *
 * Caching: a linked file keeps the live file's mtime, so nginx's Last-Modified and ETag (built
 * from mtime and size) stay the same for content that did not change, and browsers revalidating
 * an unchanged page get 304; a changed file is new, with a new mtime and so a new validator.
 * Before this, every daily rebuild gave every file a new mtime and every revalidation a full 200.
 */
import { link, lstat, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, join, relative } from 'node:path';

export interface LinkSummary {
  /** Regular files in the new release. */
  files: number;
  /** Files that differ from the live release's file at the same path, or are not in it. */
  changed: number;
  /** Identical files replaced by a hard link to the live file. */
  linked: number;
  /** Identical files kept as copies: on another file system, with another mode or owner, or the link failed. */
  kept: number;
  /** Bytes of the files that stay new in this release (changed and kept). */
  newBytes: number;
  /** Bytes of the linked files, written no more. */
  linkedBytes: number;
  /** Why identical files were kept, with how many each (empty when none were). */
  keptReasons: Record<string, number>;
}

const BLOCK = 256 * 1024;
const WORKERS = 16;

/** Whether two open files of `size` bytes have the same content, read block by block. */
async function sameBytes(a: FileHandle, b: FileHandle, size: number, bufA: Buffer, bufB: Buffer): Promise<boolean> {
  for (let pos = 0; pos < size;) {
    const want = Math.min(BLOCK, size - pos);
    const [ra, rb] = await Promise.all([a.read(bufA, 0, want, pos), b.read(bufB, 0, want, pos)]);
    if (ra.bytesRead !== want || rb.bytesRead !== want) return false;
    if (!bufA.subarray(0, want).equals(bufB.subarray(0, want))) return false;
    pos += want;
  }
  return true;
}

async function sameContent(newFile: string, liveFile: string, size: number, bufA: Buffer, bufB: Buffer): Promise<boolean> {
  const a = await open(newFile, 'r');
  try {
    const b = await open(liveFile, 'r');
    try {
      return await sameBytes(a, b, size, bufA, bufB);
    } finally {
      await b.close();
    }
  } finally {
    await a.close();
  }
}

const statOrNull = (path: string): Promise<Stats | null> => lstat(path).catch(() => null);

/**
 * Replaces each file of `newDir` that is byte-identical to the same path in `liveDir` with a hard
 * link to the live file. `liveDir` is never written to. `progress` is called now and then with
 * the number of files done.
 */
export async function linkUnchanged(newDir: string, liveDir: string, progress?: (done: number, total: number) => void): Promise<LinkSummary> {
  const entries = await readdir(newDir, { recursive: true, withFileTypes: true });
  const paths = entries.filter((e) => e.isFile()).map((e) => relative(newDir, join(e.parentPath, e.name)));
  const summary: LinkSummary = { files: paths.length, changed: 0, linked: 0, kept: 0, newBytes: 0, linkedBytes: 0, keptReasons: {} };
  const keep = (size: number, reason: string) => {
    summary.kept++;
    summary.newBytes += size;
    summary.keptReasons[reason] = (summary.keptReasons[reason] ?? 0) + 1;
  };

  let next = 0;
  let done = 0;
  const worker = async () => {
    const bufA = Buffer.allocUnsafe(BLOCK);
    const bufB = Buffer.allocUnsafe(BLOCK);
    while (next < paths.length) {
      const path = paths[next++]!;
      const newFile = join(newDir, path);
      const liveFile = join(liveDir, path);
      const [built, live] = await Promise.all([lstat(newFile), statOrNull(liveFile)]);
      done++;
      if (!live?.isFile() || live.size !== built.size) {
        summary.changed++;
        summary.newBytes += built.size;
        continue;
      }
      if (live.dev === built.dev && live.ino === built.ino) {
        summary.linked++;
        summary.linkedBytes += built.size;
        continue;
      }
      let same: boolean;
      try {
        same = await sameContent(newFile, liveFile, built.size, bufA, bufB);
      } catch {
        same = false;
      }
      if (!same) {
        summary.changed++;
        summary.newBytes += built.size;
        continue;
      }
      if (live.dev !== built.dev) {
        keep(built.size, '不在同一文件系统');
        continue;
      }
      if ((live.mode & 0o7777) !== (built.mode & 0o7777) || live.uid !== built.uid || live.gid !== built.gid) {
        keep(built.size, '权限或属主不同');
        continue;
      }
      // A link under a temporary name, then one rename over the built copy: the path always
      // names a complete file. link() refuses an existing name, so no built file is overwritten.
      const temp = `${newFile}.~link-unchanged-${process.pid}`;
      try {
        await link(liveFile, temp);
      } catch (error) {
        keep(
          built.size,
          (error as NodeJS.ErrnoException).code === 'EXDEV' ? '不在同一文件系统' : `硬链接失败（${(error as NodeJS.ErrnoException).code ?? '未知错误'}）`,
        );
        continue;
      }
      try {
        await rename(temp, newFile);
      } catch (error) {
        await unlink(temp).catch(() => {});
        keep(built.size, `替换失败（${(error as NodeJS.ErrnoException).code ?? '未知错误'}）`);
        continue;
      }
      summary.linked++;
      summary.linkedBytes += built.size;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  if (progress) timer = setInterval(() => progress(done, paths.length), 10_000);
  try {
    await Promise.all(Array.from({ length: WORKERS }, worker));
  } finally {
    if (timer) clearInterval(timer);
  }
  return summary;
}

const count = (n: number) => n.toLocaleString('en-US');
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** The summary line the daily rebuild prints (its log is read by people, so in Chinese). */
export function describeSummary(s: LinkSummary): string {
  let line = `每日重建：${count(s.files)} 个文件中 ${count(s.changed)} 个有变化（新写入 ${formatBytes(s.newBytes)}），其余 ${count(s.linked + s.kept)} 个与线上版本相同，`;
  line += s.kept === 0 ? `已硬链接（${formatBytes(s.linkedBytes)} 不必再写）` : `${count(s.linked)} 个已硬链接（${formatBytes(s.linkedBytes)} 不必再写）`;
  const reasons = Object.entries(s.keptReasons).map(([reason, n]) => `${reason} ${count(n)} 个`);
  if (reasons.length > 0) line += `，${count(s.kept)} 个无法硬链接，保留新副本（${reasons.join('，')}）`;
  return line;
}

if (import.meta.main) {
  const [newDir, liveDir] = process.argv.slice(2);
  if (!newDir || !liveDir) {
    console.error('用法：node scripts/link-unchanged.ts <新版本目录> <线上版本目录>');
    process.exit(2);
  }
  console.log(`每日重建：与线上版本 ${basename(liveDir)} 逐个比较文件，相同的改为硬链接……`);
  const summary = await linkUnchanged(newDir, liveDir, (done, total) => console.log(`每日重建：已比较 ${count(done)} / ${count(total)} 个文件`));
  console.log(describeSummary(summary));
}
