/**
 * Every event's own calendar file, in one pass: one endpoint serialises them all into a single
 * JSON object (id -> .ics text), and the `event-calendar-files` integration in astro.config.mjs
 * writes them out as /events/<id>.ics and removes this file when the build is done. One route
 * per event cost ~2.5 ms each, 50 s at 20,000 events; this costs well under a second.
 */
import type { APIRoute } from 'astro';
import { getEvents } from '../../data/events.ts';
import { eventFileText } from '../../data/calendars.ts';

export const GET: APIRoute = async ({ site }) => {
  const files: Record<string, string> = {};
  for (const e of await getEvents()) files[e.id] = await eventFileText(e, site);
  return new Response(JSON.stringify(files), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
