/**
 * Showcase cases (典型案例) as plain data: titles with the 示例 mark, order, and the groupings
 * the listing and filter pages show. Pure; no astro:* imports.
 */
import { DEMO_LABEL } from '../events/events.ts';
import { EVENT_TYPES, type EventType } from '../event-labels.ts';

/** A figure quoted in a case, with where it comes from and the period it covers. */
export interface CaseFigure {
  label: string;
  value: number;
  unit: string;
  period: string;
  source: { title: string; issuer: string; docNumber?: string | undefined; date?: string | undefined; url?: string | undefined };
}

/** One case with plain ids (images are whatever the site's image pipeline hands over). */
export interface CaseItem<Img = unknown> {
  slug: string;
  title: string;
  summary: string;
  year: number;
  published: string;
  updated?: string | undefined;
  city: string;
  county?: string | undefined;
  type: EventType;
  events: string[];
  figures: CaseFigure[];
  images: { src: Img; alt: string; caption?: string | undefined; credit?: string | undefined }[];
  contact?: { organisation: string; name?: string | undefined; phone?: string | undefined } | undefined;
  demo: boolean;
}

/** The title as shown everywhere: demonstration cases start with 【示例】. */
export function caseTitle(c: Pick<CaseItem, 'title' | 'demo'>): string {
  return c.demo ? `【${DEMO_LABEL}】${c.title}` : c.title;
}

/** Newest first; same day by slug, so builds are deterministic. */
export function byPublishedDesc(a: Pick<CaseItem, 'published' | 'slug'>, b: Pick<CaseItem, 'published' | 'slug'>): number {
  return b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug);
}

/** The date a case last changed: its update date, else its publication date. */
export function lastChanged(c: Pick<CaseItem, 'published' | 'updated'>): string {
  return c.updated ?? c.published;
}

/** How many cases each city and each scene has, for the filter links (zero counts included, in order). */
export function caseCounts(
  cases: readonly Pick<CaseItem, 'city' | 'type'>[],
  cityIds: readonly string[],
): { cities: [string, number][]; scenes: [EventType, number][] } {
  return {
    cities: cityIds.map((id) => [id, cases.filter((c) => c.city === id).length]),
    scenes: EVENT_TYPES.map((t) => [t, cases.filter((c) => c.type === t).length]),
  };
}

/** Checks that slugs are unique and do not take a listing page's address; returns problems. */
export function findSlugProblems(slugs: readonly string[], reserved: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const s of slugs) {
    if (reserved.includes(s)) problems.push(`案例文件名“${s}”与列表页地址冲突，请换一个文件名（不能用 ${reserved.join('、')}）`);
    if (seen.has(s)) problems.push(`案例文件名“${s}”重复：有两个同名的案例文件`);
    seen.add(s);
  }
  return problems;
}
