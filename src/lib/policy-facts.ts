/**
 * Policy facts as plain data, and how the site words them. Every policy number on the site
 * is formatted here from content/policies/data/facts.yaml; nothing is typed twice. Pure.
 */
import { formatDateZh, formatInteger } from './format.ts';

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

/** A document as cited: 《标题》（文号），发文机关，日期. */
export function formatCitation(doc: PolicyDocument): string {
  const parts = [`《${doc.title}》${doc.docNumber ? `（${doc.docNumber}）` : ''}`, doc.issuer];
  if (doc.date) parts.push(doc.date.length === 7 ? `${doc.date.slice(0, 4)}年${Number(doc.date.slice(5))}月` : formatDateZh(doc.date));
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
