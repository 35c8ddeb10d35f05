/**
 * Best bets for places: every city and county is a best bet for its own name, short name and
 * pinyin, pointing at its page. Built the same way at build time (to mark the pages) and in the
 * browser (from a compact list in the search page), so the page does not carry 108 full entries.
 * Pure.
 */
import type { BestBet } from './best-bets.ts';
import { placeWords } from './page-meta.ts';
import { cityPath } from '../paths.ts';

/** A region as the search page lists it: [id, name, shortName, slug, parent city id or ''] */
export type PlaceRow = [string, string, string, string, string];

/** A best bet with what the page shows. */
export interface ShownBet extends BestBet {
  title: string;
  summary: string;
}

/** The best bet of one place; `cityName` names the parent city of a county. */
export function placeBet([id, name, shortName, slug, parent]: PlaceRow, cityName: (id: string) => string | undefined): ShownBet {
  const terms = placeWords({ name, shortName, slug });
  return parent === ''
    ? { id: `city-${id}`, url: cityPath(id), title: name, summary: '活动、每月计划和补贴受理情况', section: '活动', terms, city: id }
    : {
        id: `county-${id}`,
        url: cityPath(parent, slug),
        title: `${name}（${cityName(parent) ?? ''}）`,
        summary: '本地和附近的活动',
        section: '活动',
        terms,
        city: parent,
      };
}

/** The best bets of all places, cities first in the order given. */
export function placeBets(rows: readonly PlaceRow[]): ShownBet[] {
  const names = new Map(rows.filter((r) => r[4] === '').map((r) => [r[0], r[1]]));
  return rows.map((r) => placeBet(r, (id) => names.get(id)));
}
