/**
 * Policy facts as plain data, and how the site words them. Every policy number on the site
 * is formatted here from content/policies/data/facts.yaml; nothing is typed twice. Pure.
 */
import { formatDateZh, formatInteger } from './format.ts';
import { validityState } from './validity.ts';

export type Confidence = 'A' | 'B' | 'C' | 'D' | 'unknown';

export type FactValue =
  | { type: 'percent-cap'; percent: number; cap: number }
  | { type: 'percent'; percent: number }
  | { type: 'points'; points: number }
  | { type: 'amount'; amount: number }
  | { type: 'date'; date: string }
  | { type: 'quantity'; amount: number; unit: string; decimals?: number | undefined }
  | { type: 'text'; text: string }
  | { type: 'unknown' };

export interface PolicyFact {
  id: string;
  label: string;
  /** The rule as a whole sentence, with {value} where the value goes. */
  statement: string;
  /** Shared by the yearly versions of one rule; the id when missing. */
  topic?: string | undefined;
  value: FactValue;
  from?: string | undefined;
  to?: string | undefined;
  periodNote?: string | undefined;
  note?: string | undefined;
  documents: string[];
  confidence: Confidence;
  checked?: string | undefined;
}

export interface PolicyDocument {
  id: string;
  title: string;
  issuer: string;
  docNumber?: string | undefined;
  date?: string | undefined;
  url?: string | undefined;
  confidence: Confidence;
  note?: string | undefined;
}

/** A and B count as confirmed for 2026; everything else is shown as 待核实. */
export function isConfirmed(confidence: Confidence): boolean {
  return confidence === 'A' || confidence === 'B';
}

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  A: '官方文件',
  B: '权威媒体报道确认',
  C: '待核实（仅弱来源）',
  D: '待核实（未查证）',
  unknown: '待核实（未查到）',
};

/** 20000 -> "2万元", 15000 -> "1.5万元", 3000 -> "3000元", 6637.17 -> "6,637.17元". */
export function formatYuan(amount: number): string {
  if (amount >= 10000 && amount % 1000 === 0) return `${amount / 10000}万元`;
  if (Number.isInteger(amount)) return `${amount >= 10000 ? formatInteger(amount) : amount}元`;
  const [int, dec] = amount.toFixed(2).split('.');
  return `${formatInteger(Number(int))}.${dec}元`;
}

/** Which part of a value to print: all of it, or just the percent or the cap of a percent-cap. */
export type FactPart = 'all' | 'percent' | 'cap';

/** A fact's value in words, e.g. "车价的12%，最高2万元". */
export function formatFactValue(value: FactValue, part: FactPart = 'all'): string {
  switch (value.type) {
    case 'percent-cap':
      if (part === 'percent') return `${value.percent}%`;
      if (part === 'cap') return formatYuan(value.cap);
      return `车价的${value.percent}%，最高${formatYuan(value.cap)}`;
    case 'percent':
      return `${value.percent}%`;
    case 'points':
      return `${value.points}个百分点`;
    case 'amount':
      return formatYuan(value.amount);
    case 'date':
      return formatDateZh(value.date);
    case 'quantity':
      return `${value.decimals === undefined ? value.amount : value.amount.toFixed(value.decimals)}${value.unit}`;
    case 'text':
      return value.text;
    case 'unknown':
      return '待核实';
  }
}

/** "2026年1月1日—2026年12月31日", "2024年4月3日起", or "未写明". */
export function formatPeriod(fact: Pick<PolicyFact, 'from' | 'to'>): string {
  if (fact.from && fact.to) return `${formatDateZh(fact.from)}—${formatDateZh(fact.to)}`;
  if (fact.from) return `${formatDateZh(fact.from)}起`;
  if (fact.to) return `至${formatDateZh(fact.to)}`;
  return '未写明';
}

/**
 * A "when does it end" answer, in one sentence and true on any day: the purchase window, and the
 * application deadline or that it is not announced. For search answers.
 */
export function programmeDates(p: { subject: string; from?: string | undefined; to: string; application?: { by?: string | undefined } | undefined }): string {
  const apply = p.application ? `；申请截止日${p.application.by ? `为${formatDateZh(p.application.by)}` : '尚未公布，以官方发布为准'}` : '';
  return `${p.subject}：购车时间${formatPeriod({ from: p.from, to: p.to })}${apply}。`;
}

/** A document as cited: 《标题》（文号），发文机关，日期. */
export function formatCitation(doc: PolicyDocument): string {
  const parts = [`《${doc.title}》${doc.docNumber ? `（${doc.docNumber}）` : ''}`, doc.issuer];
  if (doc.date) parts.push(`${doc.date.length === 7 ? `${doc.date.slice(0, 4)}年${Number(doc.date.slice(5))}月` : formatDateZh(doc.date)}发布`);
  return parts.join('，');
}

/** Facts an editor still has to confirm against the official text. */
export function listUnconfirmed(facts: readonly PolicyFact[]): PolicyFact[] {
  return facts.filter((f) => !isConfirmed(f.confidence));
}

/** Checks that facts only cite documents that exist; returns problems in Chinese. */
export function findFactProblems(facts: readonly PolicyFact[], documents: readonly PolicyDocument[]): string[] {
  const ids = new Set(documents.map((d) => d.id));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of facts) {
    if (seen.has(f.id)) problems.push(`事实 ${f.id} 重复`);
    seen.add(f.id);
    for (const d of f.documents) if (!ids.has(d)) problems.push(`事实 ${f.id} 引用的文件 ${d} 不在 documents.yaml 中`);
  }
  return problems;
}

/** The name shared by the yearly versions of a rule. */
export function factTopic(fact: Pick<PolicyFact, 'id' | 'topic'>): string {
  return fact.topic ?? fact.id;
}

/**
 * The version of a rule that applies on a day: the one whose period contains the day (the
 * latest-starting if several do); otherwise the most recent one that has started (so an ended
 * rule is shown as ended, not silently replaced); otherwise the first one to come. Adding next
 * year's facts is therefore content only: pages and the calculator pick them up by date.
 */
export function resolveFact(facts: readonly PolicyFact[], topic: string, day: string): PolicyFact | undefined {
  const versions = facts.filter((f) => factTopic(f) === topic);
  if (versions.length <= 1) return versions[0];
  const byStart = [...versions].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const current = byStart.filter((f) => (!f.from || f.from <= day) && (!f.to || day <= f.to));
  if (current.length) return current[current.length - 1];
  const started = byStart.filter((f) => !f.from || f.from <= day);
  return started.length ? started[started.length - 1] : byStart[0];
}

/** Every version of every rule, current or not, for the history list. */
export function olderVersions(facts: readonly PolicyFact[], current: PolicyFact): PolicyFact[] {
  return facts.filter((f) => f.id !== current.id && factTopic(f) === factTopic(current)).sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
}

/**
 * The rule as a reader should see it on a day, in whole sentences: the statement with its
 * value, marked 待核实 when not confirmed, and (unless `state: false`) what its period means
 * today. Running text leaves the period out: the page notice and the rules table carry it, and
 * the visitor's browser keeps those two current.
 */
export function factSentence(
  fact: PolicyFact,
  day: string,
  { superseded = false, state: withState = true }: { superseded?: boolean; state?: boolean } = {},
): string {
  const value = formatFactValue(fact.value);
  let text = fact.statement.replace('{value}', value);
  if (fact.value.type === 'unknown') text += '请以官方发布为准。';
  else if (!isConfirmed(fact.confidence)) text = text.replace(/。$/u, '（待核实，以官方发布为准）。');
  const state = withState ? validityState(fact, day) : 'open';
  if (superseded) text += '这条规定已被新的规定取代，仅供对照。';
  else if (state === 'expired') text += `这条规定已于${formatDateZh(fact.to!)}到期，新政策发布后本站更新。`;
  else if (state === 'ending') text += `这条规定将于${formatDateZh(fact.to!)}到期。`;
  else if (state === 'upcoming') text += `这条规定自${formatDateZh(fact.from!)}起施行。`;
  return text;
}
