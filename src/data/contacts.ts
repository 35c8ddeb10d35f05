/** Official contacts from the content layer, as plain data. */
import { getCollection } from 'astro:content';
import { toId } from '../schemas/common.ts';
import { getRegions } from './regions.ts';

export interface Contact {
  id: string;
  name: string;
  scope: string;
  city?: string | undefined;
  phone?: string | undefined;
  url?: string | undefined;
  verified: boolean;
  checked?: string | undefined;
  source?: string | undefined;
}

let cache: Contact[] | undefined;

/** Every contact: province-wide and national lines first, then each city in code order. */
export async function getContacts(): Promise<Contact[]> {
  if (cache) return cache;
  const code = new Map((await getRegions()).map((r) => [r.id, r.code]));
  const key = (c: Contact) => (c.city ? (code.get(c.city) ?? c.city) : '');
  cache = (await getCollection('contacts'))
    .map(({ data }): Contact => ({ ...data, city: data.city === undefined ? undefined : toId(data.city) }))
    .sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
  return cache;
}
