import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { parseContentText } from '../../src/lib/content-files.ts';
import { factIdsIn, proseOf, strayNumbers } from '../../src/lib/mdx-facts.ts';
import { findFactProblems, formatCitation, formatFactValue, formatPeriod, formatYuan, isConfirmed, listUnconfirmed } from '../../src/lib/policy-facts.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { channelSchema, policySchema, programmeStatusSchema } from '../../src/schemas/policy.ts';
import { loadDocuments, loadFacts } from '../helpers/content.ts';

const facts = loadFacts();
const documents = loadDocuments();
const factById = new Map(facts.map((f) => [f.id, f]));
const explainers = readdirSync('tests/fixtures/site/policies')
  .filter((f) => f.endsWith('.mdx'))
  .map((file) => {
    const text = readFileSync(`tests/fixtures/site/policies/${file}`, 'utf8');
    const data = policySchema(plainRef).parse(parseContentText(file, text)) as { year: number; sources: string[] };
    return { file, data, body: text.replace(/^---[\s\S]*?---\n/u, '') };
  });

describe('policy facts', () => {
  it('every fact cites documents that exist, and ids are unique', () => {
    expect(findFactProblems(facts, documents)).toEqual([]);
  });

  it('the 2026 trade-in rates and caps are the confirmed national ones', () => {
    const v = (id: string) => formatFactValue(factById.get(id)!.value);
    expect([v('tradein-scrap-nev'), v('tradein-scrap-ice'), v('tradein-replace-nev'), v('tradein-replace-ice')]).toEqual([
      '车价的12%，最高2万元',
      '车价的10%，最高1.5万元',
      '车价的8%，最高1.5万元',
      '车价的6%，最高1.3万元',
    ]);
    expect(v('tradein-ice-displacement')).toBe('2.0升');
    expect(v('loan-subsidy-rate')).toBe('1个百分点');
  });

  it('lists what is still unconfirmed, and never calls a C-grade fact confirmed', () => {
    const ids = listUnconfirmed(facts).map((f) => f.id);
    expect(listUnconfirmed(facts.map((f) => (f.id === 'tradein-owned-before' ? { ...f, confidence: 'C' as const } : f))).map((f) => f.id)).toContain(
      'tradein-owned-before',
    );
    expect(ids).toContain('tradein-deadline');
    expect(ids).toContain('loan-subsidy-jiangsu-institutions');
    expect(ids).not.toContain('tradein-scrap-nev');
    expect(isConfirmed('C')).toBe(false);
  });

  it('every document without a verified official URL has none (no invented links)', () => {
    for (const d of documents) expect(d.url, d.id).toBeUndefined();
  });

  it('formats money, periods and citations the way residents read them', () => {
    expect(formatYuan(20_000)).toBe('2万元');
    expect(formatYuan(13_000)).toBe('1.3万元');
    expect(formatYuan(3000)).toBe('3000元');
    expect(formatYuan(6637.17)).toBe('6,637.17元');
    expect(formatPeriod({ from: '2026-01-01', to: '2027-12-31' })).toBe('2026年1月1日—2027年12月31日');
    expect(formatPeriod({ from: '2024-04-03' })).toBe('2024年4月3日起');
    expect(formatPeriod({})).toBe('未写明');
    expect(formatCitation(documents.find((d) => d.id === 'mof-2026-1')!)).toBe(
      '《关于优化实施个人消费贷款财政贴息政策有关事项的通知》（财金〔2026〕1号），财政部、中国人民银行、国家金融监督管理总局，2026年1月20日发布',
    );
  });
});

describe('explainers', () => {
  it('there are the three explainers', () => {
    expect(explainers.map((e) => e.file).sort()).toEqual(['credit.mdx', 'purchase.mdx', 'trade-in.mdx']);
  });

  for (const e of ['credit.mdx', 'purchase.mdx', 'trade-in.mdx']) {
    it(`${e}: no number is typed in the prose; every figure comes from facts.yaml`, () => {
      const { body, data } = explainers.find((x) => x.file === e)!;
      expect(strayNumbers(body, data.year)).toEqual([]);
    });

    it(`${e}: every cited fact exists and its documents are listed in the page's sources`, () => {
      const { body, data } = explainers.find((x) => x.file === e)!;
      const ids = factIdsIn(body);
      expect(ids.length).toBeGreaterThan(3);
      for (const id of ids) {
        const fact = factById.get(id);
        expect(fact, id).toBeDefined();
        if (fact!.documents.length > 0)
          expect(
            fact!.documents.some((d) => data.sources.includes(d)),
            id,
          ).toBe(true);
      }
    });
  }

  it('explainerProblems names typed numbers, unknown facts and facts whose documents the page does not list', async () => {
    const { explainerProblems } = await import('../../src/lib/mdx-facts.ts');
    const fact = (id: string) => (id === 'a' ? { documents: ['doc-a'] } : id === 'b' ? { documents: [] } : undefined);
    expect(explainerProblems('补贴<Fact id="a" />，<Fact id="b" />。', { year: 2026, sources: ['doc-a'] }, fact)).toEqual([]);
    const problems = explainerProblems('2026年起最高2万元，<Fact id="a" />，<Fact id="zz" />。', { year: 2026, sources: ['doc-x'] }, fact);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('正文里直接写了数字（2万）');
    expect(problems[1]).toContain('“a”，但它的发文依据（doc-a）不在本页的 sources 里');
    expect(problems[2]).toContain('“zz”不在 facts.yaml 中');
  });

  it('the stray-number check catches typed figures', () => {
    expect(strayNumbers('补贴最高2万元，<Fact id="x" />。', 2026)).toEqual(['2万']);
    expect(strayNumbers('2026年起，按车价百分之十补贴，最高两万', 2026)).toEqual(['百分之十', '两万']);
    expect(strayNumbers('<WorkedExample price={150000} />[计算器](/policies/calculator/)', 2026)).toEqual([]);
    expect(proseOf('<Callout title="x">正文</Callout>')).toContain('正文');
  });
});

describe('programme status and channels', () => {
  const statuses = load(readFileSync('tests/fixtures/site/policies/data/status.yaml', 'utf8')) as unknown[];
  it('every city has an entry for every programme, and all are honestly unknown for now', () => {
    const parsed = statuses.map((s) => programmeStatusSchema(plainRef).parse(s));
    expect(parsed).toHaveLength(39);
    expect(new Set(parsed.map((s) => s.status))).toEqual(new Set(['unknown']));
  });
  it('a status other than unknown needs a date and a source', () => {
    const r = programmeStatusSchema(plainRef).safeParse({ id: 'x', city: 'nanjing', programme: 'scrap', status: 'paused' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('状态为“暂停”时必须填写 checked（核实日期）和 source（依据）');
  });
  it('channels parse', () => {
    const channels = load(readFileSync('tests/fixtures/site/policies/data/channels.yaml', 'utf8')) as unknown[];
    for (const c of channels) expect(channelSchema.safeParse(c).success).toBe(true);
  });
});
