/**
 * The sheet importer: One thing wrong with a sheet: where (row, the sheet's own column name), what, and how to fix
 * it, and how problems are written for editors. Pure.
 */

/** One thing wrong with the sheet (or worth knowing): where, what, and how to fix it. */
export interface ImportProblem {
  row: number | null;
  column: string | readonly string[] | null;
  message: string;
  fix: string;
}

/** A column's letter as Excel shows it: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "第5行「开始时间」：…。怎么改：…" */
export function formatProblem(p: ImportProblem): string {
  const columns = p.column === null ? [] : typeof p.column === 'string' ? [p.column] : p.column;
  const where = [p.row !== null ? `第${p.row}行` : '', ...columns.map((c) => `「${c}」`)].join('');
  return `${where ? `${where}：` : ''}${p.message}${p.fix ? `。怎么改：${p.fix}` : ''}`;
}

/** A cell's text quoted in a message, shortened: a 5 MB cell is not echoed back. */
export function quote(text: string, max = 30): string {
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}

/**
 * Notes to print, at most `max` lines: when there are more, one line per column lists the
 * first rows and the count, so 5,000 formula cells do not bury the result.
 */
export function summariseNotes(notes: readonly ImportProblem[], max = 10): string[] {
  if (notes.length <= max) return notes.map(formatProblem);
  const byColumn = new Map<string, ImportProblem[]>();
  for (const n of notes) {
    const key = `${formatProblem({ ...n, row: null, fix: '', message: '' })}|${n.message.replace(/“.*”/u, '')}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), n]);
  }
  return [...byColumn.values()].map((group) => {
    const first = group[0]!;
    const rows = group
      .slice(0, 5)
      .map((n) => n.row)
      .join('、');
    const where = `第${rows}${group.length > 5 ? '等' : ''}行`;
    return `${where}（共 ${group.length} 处）${formatProblem({ ...first, row: null })}`;
  });
}
