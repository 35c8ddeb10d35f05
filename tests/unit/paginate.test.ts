import { describe, expect, it } from 'vitest';
import { laterPages, pageCount, pageItems, pageLinks, pagePath, pageRange } from '../../src/lib/paginate.ts';

describe('list pages', () => {
  it('counts pages, with one page for an empty list', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(laterPages(120, 50)).toEqual([2, 3]);
    expect(laterPages(3, 50)).toEqual([]);
  });

  it('splits items so that every item is on exactly one page, in order', () => {
    const items = Array.from({ length: 123 }, (_, i) => i);
    const pages = [1, 2, 3].map((p) => pageItems(items, p, 50));
    expect(pages.map((p) => p.length)).toEqual([50, 50, 23]);
    expect(pages.flat()).toEqual(items);
  });

  it('links the first, the last and the pages around the current one', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageLinks(1, 9)).toEqual([1, 2, 3, null, 9]);
    expect(pageLinks(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageLinks(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pageLinks(12, 12)).toEqual([1, null, 10, 11, 12]);
  });

  it('keeps the first page at the list’s own address', () => {
    expect(pagePath('/events/2026-09/', 1)).toBe('/events/2026-09/');
    expect(pagePath('/events/2026-09/', 3)).toBe('/events/2026-09/3/');
    expect(pageRange(2, 1234, 50)).toBe('第51—100场，共1,234场');
    expect(pageRange(1, 7, 50)).toBe('第1—7场，共7场');
  });
});
