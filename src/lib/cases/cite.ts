/**
 * "How to cite" in the Chinese standard form for an online resource, GB/T 7714-2015
 * (电子资源, 文献类型标志 EB/OL):
 *   主要责任者. 题名[EB/OL]. (发布或更新日期)[引用日期]. 获取和访问路径.
 * e.g. 江苏省商务厅. 社区车展把以旧换新讲到家门口[EB/OL]. (2026-06-15)[2026-11-27]. https://…/cases/x/.
 * Pure; the citing date is passed in (the page fills in the reader's own date when it can).
 */
import { shanghaiDate } from '../dates.ts';

export interface CitationInput {
  /** 主要责任者: the body that publishes the page. */
  author: string;
  title: string;
  /** Publication or last update date, YYYY-MM-DD. */
  date: string;
  /** The day the reader cites it, YYYY-MM-DD. */
  cited: string;
  url: string;
}

/** One line in GB/T 7714-2015 form. */
export function citeOnlineResource({ author, title, date, cited, url }: CitationInput): string {
  return `${author}. ${title}[EB/OL]. (${date})[${cited}]. ${url}.`;
}

/** YYYY-MM-DD of an instant in Beijing time (the day a reader in China would write down). */
export function beijingDate(instant: Date): string {
  return shanghaiDate(instant);
}
