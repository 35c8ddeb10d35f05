/** Checks on a notice's text. Pure: the notice is passed in. */

/** The parts of a notice these checks read. */
export interface NoticeData {
  year: number;
  docNumber: string;
  title: string;
  issuers: string[];
  addressees: string;
  preamble: string;
  points: { number: string; lead: string; body: string }[];
  closing: string;
  attachments: { title: string; plan?: number | undefined }[];
  signatories: string[];
  signatureRemark?: string | undefined;
  targets: { provincial: { min: number; quote: string }; cityCounty: { min: number; quote: string } };
  sourceNote?: string | undefined;
}

/**
 * A target is only trusted when its sentence stands in the notice's text and names its
 * number; otherwise the figure would be ours, not the notice's.
 */
export function findNoticeProblems(notice: NoticeData): string[] {
  const text = [notice.preamble, ...notice.points.map((p) => p.lead + p.body), notice.closing].join('\n');
  const problems: string[] = [];
  for (const [key, label] of [
    ['provincial', '省级'],
    ['cityCounty', '市县'],
  ] as const) {
    const t = notice.targets[key];
    if (!text.includes(t.quote)) problems.push(`${label}目标的原句“${t.quote}”不在通知正文中`);
    if (!t.quote.includes(`${t.min}场`)) problems.push(`${label}目标 ${t.min} 场与原句“${t.quote}”不符`);
  }
  return problems;
}
