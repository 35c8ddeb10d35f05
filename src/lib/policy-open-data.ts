/**
 * The policy rules as open data (/data/policy-facts.csv and .json): one row per fact in
 * content/policies/data/facts.yaml, with its value, validity, the application deadline of its
 * programme, its status on the day of the build, how sure the site is, its source documents and
 * when it was last checked. It is the site's reading of the official texts, and says so in every
 * row: the official text is what counts. Pure.
 */
import { toCsv } from './csv.ts';
import {
  CONFIDENCE_LABELS,
  factSentence,
  factTopic,
  formatCitation,
  formatFactValue,
  isConfirmed,
  resolveFact,
  type PolicyDocument,
  type PolicyFact,
} from './policy-facts.ts';

/** What every row says about itself. */
export const POLICY_READING = '本站对官方文件的整理和解读，不是官方文本；以发文机关官方发布为准。';

export const POLICY_FACT_CSV_COLUMNS = [
  'id',
  'topic',
  'label',
  'statement',
  'value',
  'value_type',
  'percent',
  'amount_yuan',
  'date',
  'valid_from',
  'valid_to',
  'period_note',
  'application_deadline',
  'status',
  'as_of',
  'confidence',
  'confidence_label',
  'confirmed',
  'documents',
  'document_urls',
  'checked',
  'reading',
] as const;
export type PolicyFactColumn = (typeof POLICY_FACT_CSV_COLUMNS)[number];
export type PolicyFactRow = Record<PolicyFactColumn, string | number | null>;

/** A fact's status on a day: current, not yet in force, ended, or replaced by a newer version. */
export function factStatus(fact: PolicyFact, facts: readonly PolicyFact[], day: string): '现行' | '尚未施行' | '已到期' | '已由新规定取代' {
  const current = resolveFact(facts, factTopic(fact), day);
  if (current && current.id !== fact.id && (current.from ?? '') > (fact.from ?? '')) return '已由新规定取代';
  if (fact.from && day < fact.from) return '尚未施行';
  if (fact.to && fact.to < day) return '已到期';
  return '现行';
}

/**
 * Every fact as a row. `deadlines` gives, by topic, the application deadline of the programme the
 * fact belongs to, in words (or 尚未公布); facts outside such a programme leave it empty.
 */
export function policyFactRows(
  facts: readonly PolicyFact[],
  documents: readonly PolicyDocument[],
  { day, deadlines }: { day: string; deadlines: ReadonlyMap<string, string> },
): PolicyFactRow[] {
  const doc = new Map(documents.map((d) => [d.id, d]));
  return facts.map((f) => {
    const docs = f.documents.flatMap((id) => (doc.has(id) ? [doc.get(id)!] : []));
    const v = f.value;
    return {
      id: f.id,
      topic: factTopic(f),
      label: f.label,
      statement: factSentence(f, day, { state: false }),
      value: formatFactValue(v),
      value_type: v.type,
      percent: v.type === 'percent-cap' || v.type === 'percent' ? v.percent : null,
      amount_yuan: v.type === 'percent-cap' ? v.cap : v.type === 'amount' ? v.amount : null,
      date: v.type === 'date' ? v.date : null,
      valid_from: f.from ?? null,
      valid_to: f.to ?? null,
      period_note: f.periodNote ?? null,
      application_deadline: deadlines.get(factTopic(f)) ?? null,
      status: factStatus(f, facts, day),
      as_of: day,
      confidence: f.confidence,
      confidence_label: CONFIDENCE_LABELS[f.confidence],
      confirmed: isConfirmed(f.confidence) ? '是' : '待核实',
      documents: docs.map(formatCitation).join('；'),
      document_urls: docs.flatMap((d) => (d.url ? [d.url] : [])).join(' '),
      checked: f.checked ?? null,
      reading: POLICY_READING,
    };
  });
}

/** /data/policy-facts.csv. */
export const policyFactsToCsv = (rows: readonly PolicyFactRow[]): string => toCsv(POLICY_FACT_CSV_COLUMNS, rows);

/** /data/policy-facts.json: the same rows, the documents, and what the file is. */
export function policyFactsToJson(rows: readonly PolicyFactRow[], documents: readonly PolicyDocument[], meta: { title: string; asOf: string }): string {
  return `${JSON.stringify(
    {
      title: meta.title,
      reading: POLICY_READING,
      as_of: meta.asOf,
      facts: rows,
      documents: documents.map((d) => ({
        id: d.id,
        title: d.title,
        issuer: d.issuer,
        doc_number: d.docNumber ?? null,
        date: d.date ?? null,
        url: d.url ?? null,
        confidence: d.confidence,
        confidence_label: CONFIDENCE_LABELS[d.confidence],
      })),
    },
    null,
    2,
  )}\n`;
}
