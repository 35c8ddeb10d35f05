/**
 * The event filters' form, one module for the list (/events/) and the map (/map/): the county
 * choices follow the city, a quick date choice and typed dates replace each other (the last one
 * chosen wins), the address carries the choice (so it can be shared and survives a reload), and
 * 清除 goes back to no filter. The page decides what a choice shows (`onChange`).
 */
import type { CountyOptions } from '../lib/regions.ts';
import { parseQuery, queryToParams, type EventQuery } from '../lib/events/query.ts';

export interface FilterForm {
  /** The choice the form shows now. */
  read(): EventQuery;
  /** Shows a choice in the form (arriving with one in the address). */
  fill(q: EventQuery): void;
  /** Sets one field, as a quick-date link does, and reports the new choice. */
  choose(name: 'when', value: string): void;
}

const DATE_FIELDS = ['when', 'month', 'from', 'to', 'type', 'level'] as const;

/** Puts a choice in the address bar without adding a history entry. */
export function showInAddress(q: EventQuery): void {
  const url = new URL(location.href);
  url.search = queryToParams(q).toString();
  history.replaceState(null, '', url);
}

export function bindFilterForm(form: HTMLFormElement, counties: CountyOptions, onChange: (q: EventQuery) => void): FilterForm {
  const field = <T extends HTMLInputElement | HTMLSelectElement>(name: string) => form.elements.namedItem(name) as T;
  const city = field<HTMLSelectElement>('city');
  const county = field<HTMLSelectElement>('county');
  const fillCounties = (selected = '') => {
    county.replaceChildren(new Option('全部', ''));
    for (const [id, , name] of counties[city.value] ?? []) county.append(new Option(name, id, false, id === selected));
    county.disabled = !city.value;
  };
  const read = (): EventQuery => parseQuery(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const report = (q: EventQuery) => {
    showInAddress(q);
    onChange(q);
  };
  city.addEventListener('change', () => fillCounties());
  form.addEventListener('change', (ev) => {
    const name = (ev.target as HTMLInputElement).name;
    // A quick choice and typed dates are two ways of saying when: the last one chosen wins.
    if (name === 'when' && field('when').value) {
      field('from').value = '';
      field('to').value = '';
    }
    if ((name === 'from' || name === 'to') && (field('from').value || field('to').value)) field('when').value = '';
    report(read());
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    report(read());
  });
  form.addEventListener('reset', () =>
    // After the browser has reset the fields.
    setTimeout(() => {
      fillCounties();
      report({});
    }, 0),
  );
  return {
    read,
    fill(q) {
      city.value = q.city ?? '';
      fillCounties(q.county ?? '');
      for (const key of DATE_FIELDS) field(key).value = q[key] ?? '';
    },
    choose(name, value) {
      field(name).value = value;
      field('from').value = '';
      field('to').value = '';
      report(read());
    },
  };
}
