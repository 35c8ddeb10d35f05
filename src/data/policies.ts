/** Policy facts, documents, channels, status and explainers from the content layer. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { factTopic, findFactProblems, resolveFact, type PolicyDocument, type PolicyFact } from '../lib/policy-facts.ts';
import { shanghaiDate, type ProgrammeWindow } from '../lib/validity.ts';
import { getReferenceNow } from './build-info.ts';
import { rulesFromFacts, type SubsidyRules } from '../lib/subsidy/index.ts';
import { toId } from '../schemas/common.ts';
import { contentPath } from '../config/collections.ts';
import { explainerProblems, factIdsIn } from '../lib/mdx-facts.ts';
import { policyFactRows, type PolicyFactRow } from '../lib/policy-open-data.ts';

let facts: PolicyFact[] | undefined;
let documents: PolicyDocument[] | undefined;

/** Every policy document, in file order. */
export async function getPolicyDocuments(): Promise<PolicyDocument[]> {
  // Sorted by id: the content store does not promise file order, and builds must be deterministic.
  documents ??= (await getCollection('policyDocuments')).map((e) => e.data).sort((a, b) => a.id.localeCompare(b.id));
  return documents;
}

/** Every policy fact, in file order; a fact citing an unknown document fails the build. */
export async function getPolicyFacts(): Promise<PolicyFact[]> {
  if (!facts) {
    facts = (await getCollection('policyFacts')).map((e) => ({ ...e.data, documents: e.data.documents.map(toId) })).sort((a, b) => a.id.localeCompare(b.id));
    const problems = findFactProblems(facts, await getPolicyDocuments());
    if (problems.length) throw new Error(`${contentPath('policies/data/facts.yaml')}：\n  - ${problems.join('\n  - ')}`);
  }
  return facts;
}

/** The day (Asia/Shanghai) the build describes: which version of each rule applies, and where it stands. */
export function getPolicyDay(): string {
  return shanghaiDate(getReferenceNow());
}

/**
 * Lookup helpers for components. `fact` takes a rule's topic (or id) and returns the version in
 * force on the build's day, so next year's facts replace this year's without touching pages.
 */
export async function getFactLookup(): Promise<{ fact: (id: string) => PolicyFact; doc: (id: string) => PolicyDocument }> {
  const all = await getPolicyFacts();
  const day = getPolicyDay();
  const d = new Map((await getPolicyDocuments()).map((x) => [x.id, x]));
  return {
    fact: (id) => {
      const x = resolveFact(all, id, day) ?? all.find((f) => f.id === id);
      if (!x) throw new Error(`政策事实 ${id} 不在 ${contentPath('policies/data/facts.yaml')} 中`);
      return x;
    },
    doc: (id) => {
      const x = d.get(id);
      if (!x) throw new Error(`政策文件 ${id} 不在 ${contentPath('policies/data/documents.yaml')} 中`);
      return x;
    },
  };
}

/** The calculator's rules, built once from the facts. */
export async function getSubsidyRules(): Promise<SubsidyRules> {
  return rulesFromFacts(await getPolicyFacts(), getPolicyDay());
}

export type Channel = CollectionEntry<'policyChannels'>['data'];
let channels: Channel[] | undefined;
export async function getChannels(): Promise<Channel[]> {
  channels ??= (await getCollection('policyChannels')).map((e) => e.data).sort((a, b) => a.order - b.order);
  return channels;
}

export interface ProgrammeStatus {
  city: string;
  programme: 'scrap' | 'replace' | 'loan-subsidy';
  status: 'open' | 'paused' | 'full' | 'unknown';
  checked?: string | undefined;
  source?: { title: string; issuer: string; url?: string | undefined } | undefined;
  note?: string | undefined;
}
let statuses: ProgrammeStatus[] | undefined;
export async function getProgrammeStatus(): Promise<ProgrammeStatus[]> {
  statuses ??= (await getCollection('policyStatus')).map((e) => ({ ...e.data, city: toId(e.data.city) })).sort((a, b) => a.id.localeCompare(b.id));
  return statuses;
}

export type Explainer = CollectionEntry<'policies'>;
/** Explainer pages in their index order. */
let explainers: Explainer[] | undefined;
export async function getExplainers(): Promise<Explainer[]> {
  if (explainers) return explainers;
  const all = (await getCollection('policies')).sort((a, b) => a.data.order - b.data.order);
  // Every figure comes from facts.yaml with its source: no typed numbers, no unknown facts.
  const facts = await getPolicyFacts();
  const day = getPolicyDay();
  const fact = (id: string) => resolveFact(facts, id, day) ?? facts.find((f) => f.id === id);
  const problems = all.flatMap((e) =>
    explainerProblems(e.body ?? '', { year: e.data.year, sources: e.data.sources.map(toId) }, fact).map(
      (p) => `${e.filePath ?? contentPath(`policies/${e.id}.mdx`)}：${p}`,
    ),
  );
  if (problems.length) throw new Error(`政策解读有 ${problems.length} 处问题：\n  - ${problems.join('\n  - ')}`);
  explainers = all;
  return explainers;
}

/** A programme a page explains, as written in an explainer's frontmatter (`periods`). */
export interface ProgrammePeriod {
  fact: string;
  subject: string;
  application?: { deadline: string; precedent?: string | undefined; where: string } | undefined;
}

/** A programme resolved for the build's day: its window, and the facts behind its sentences. */
export interface Programme extends ProgrammeWindow {
  /** The fact whose period is the purchase window (the version in force on the build's day). */
  fact: PolicyFact;
  /** Past years' application deadline, said while this year's is not announced. */
  precedent?: PolicyFact | undefined;
  where?: string | undefined;
}

/**
 * The programmes of a page, for the build's day: the purchase window from the version of the
 * rule in force, the next year's start once its facts exist, and the application deadline when
 * it is announced ({year} in the subject becomes the version's year).
 */
export async function getProgrammes(periods: readonly ProgrammePeriod[]): Promise<Programme[]> {
  const { fact } = await getFactLookup();
  const all = await getPolicyFacts();
  const out: Programme[] = [];
  for (const p of periods) {
    const f = fact(p.fact);
    if (!f.to) continue;
    const to = f.to;
    const next = all.filter((x) => factTopic(x) === factTopic(f) && x.from !== undefined && x.from > to).sort((a, b) => a.from!.localeCompare(b.from!))[0];
    const year = (f.from ?? to).slice(0, 4);
    const deadline = p.application ? fact(p.application.deadline) : undefined;
    out.push({
      subject: p.subject.replaceAll('{year}', year),
      to,
      nextFrom: next?.from,
      application: deadline ? { by: deadline.value.type === 'date' ? deadline.value.date : undefined } : undefined,
      fact: f,
      precedent: p.application?.precedent && deadline?.value.type !== 'date' ? fact(p.application.precedent) : undefined,
      where: p.application?.where,
    });
  }
  return out;
}

/** Every programme the explainers describe, in their order (for the home page and /policies/). */
export async function getAllProgrammes(): Promise<Programme[]> {
  return getProgrammes((await getExplainers()).flatMap((e) => e.data.periods));
}

/**
 * The policy rules as open-data rows, for the build's day: each fact with the application
 * deadline of the programme whose page cites it (尚未公布 until the deadline fact has a date).
 */
export async function getPolicyFactRows(): Promise<PolicyFactRow[]> {
  const facts = await getPolicyFacts();
  const day = getPolicyDay();
  const deadlines = new Map<string, string>();
  for (const e of await getExplainers()) {
    for (const p of e.data.periods) {
      if (!p.application) continue;
      const deadline = resolveFact(facts, p.application.deadline, day) ?? facts.find((f) => f.id === p.application!.deadline);
      const text = deadline && deadline.value.type === 'date' ? deadline.value.date : '尚未公布';
      for (const id of factIdsIn(e.body ?? '')) {
        const f = resolveFact(facts, id, day) ?? facts.find((x) => x.id === id);
        if (f && !deadlines.has(factTopic(f))) deadlines.set(factTopic(f), text);
      }
    }
  }
  return policyFactRows(facts, await getPolicyDocuments(), { day, deadlines });
}
