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

/** One of the site's own desks (content/contacts/desks.yaml); absent fields are 待公布. */
export interface Desk {
  id: 'press' | 'feedback' | 'submission';
  title: string;
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  url?: string | undefined;
  who?: string | undefined;
  what?: string | undefined;
  when?: string | undefined;
  note?: string | undefined;
  checked?: string | undefined;
}

/** A desk by id; one that is missing from the file is shown as 待公布 with its default title. */
export async function getDesk(id: Desk['id']): Promise<Desk> {
  const titles = { press: '新闻联系人', feedback: '意见反馈', submission: '活动报送' } as const;
  const found = (await getCollection('desks')).find((d) => d.data.id === id)?.data;
  return found ?? { id, title: titles[id] };
}
