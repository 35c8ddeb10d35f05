import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load as parse } from 'js-yaml';
import { findNoticeProblems, type NoticeData } from '../../src/lib/notice.ts';
import { noticeSchema } from '../../src/schemas/notice.ts';

const notice = noticeSchema.parse(parse(readFileSync('content/notice/2026-66.yaml', 'utf8'))) as NoticeData;
const seed = readFileSync('content/sources/notice-2026-66.txt', 'utf8');
const squash = (s: string) => s.replace(/\s+/gu, '');

describe('notice 苏商建函〔2026〕66号', () => {
  it('has the nine issuing bodies and five points', () => {
    expect(notice.issuers).toHaveLength(9);
    expect(notice.issuers[0]).toBe('江苏省商务厅');
    expect(notice.points.map((p) => p.number)).toEqual(['一是', '二是', '三是', '四是', '五是']);
  });

  it('reproduces every sentence of the issued text', () => {
    const text = squash(seed);
    const parts = [
      notice.docNumber,
      notice.title,
      notice.addressees,
      notice.preamble,
      notice.closing,
      ...notice.points.map((p) => p.number + p.lead + p.body),
      ...notice.signatories,
    ];
    for (const part of parts) expect(text, part.slice(0, 20)).toContain(squash(part));
  });

  it('invents no date: no 年月日 date appears in the notice data beyond those in the text', () => {
    const dates = JSON.stringify(notice).match(/\d{4}年\d{1,2}月\d{1,2}日/gu) ?? [];
    expect(dates).toEqual([]);
  });

  it('takes its targets from the text', () => {
    expect(findNoticeProblems(notice)).toEqual([]);
    expect([notice.targets.provincial.min, notice.targets.cityCounty.min]).toEqual([100, 220]);
  });

  it('catches a target that the text does not say', () => {
    const wrong = { ...notice, targets: { ...notice.targets, provincial: { min: 120, quote: notice.targets.provincial.quote } } };
    expect(findNoticeProblems(wrong)).toEqual(['省级目标 120 场与原句“全年省级层面举办“五进”活动不少于100场”不符']);
  });
});
