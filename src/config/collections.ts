/**
 * Every content collection in one table: where its files live under the content folder, which
 * files count, and the schema they must satisfy. src/content.config.ts builds Astro's
 * collections from it and scripts/check-content.ts checks the same files against the same
 * schemas, so the two cannot disagree about what is content.
 *
 * The content folder is content/ unless CONTENT_DIR names another one (a path from the project
 * root): `npm test` builds its own frozen copy in tests/fixtures/site/, so editors changing
 * content/ never turn the tests red. EVENTS_DIR points the events alone elsewhere (benchmarks).
 */
import type { z } from 'astro/zod';
import { caseSchema } from '../schemas/case.ts';
import type { RefFactory } from '../schemas/common.ts';
import { contactSchema, deskSchema } from '../schemas/contact.ts';
import { eventSchema } from '../schemas/event.ts';
import { noticeSchema } from '../schemas/notice.ts';
import { planSchema } from '../schemas/plan.ts';
import { channelSchema, policyChangeSchema, policyDocumentSchema, policyFactSchema, policySchema, programmeStatusSchema } from '../schemas/policy.ts';
import { regionSchema } from '../schemas/region.ts';
import { bestBetSchema } from '../schemas/search.ts';

/** The content folder, from the project root, without a trailing slash. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return (env['CONTENT_DIR'] || 'content').replace(/\\/gu, '/').replace(/\/+$/u, '');
}

/** A path inside the content folder: contentPath('policies/data/facts.yaml'). */
export function contentPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${contentDir(env)}/${path}`;
}

/** A folder of files, one entry each (its id is the path inside the folder without extension). */
export interface FolderCollection {
  folder: string;
  /** File extension without the dot. */
  ext: 'yaml' | 'mdx';
  /** Also files in sub-folders (demo/ and the cities' own folders). */
  nested: boolean;
}
/** One file holding a list of entries, each with an id. */
export interface ListCollection {
  file: string;
}
export type CollectionSource = FolderCollection | ListCollection;

/** Where each collection's files are, relative to the content folder. */
export const COLLECTION_SOURCES = {
  notice: { folder: 'notice', ext: 'yaml', nested: false },
  plan: { folder: 'plan', ext: 'yaml', nested: false },
  regions: { file: 'regions/jiangsu.json' },
  policies: { folder: 'policies', ext: 'mdx', nested: false },
  policyDocuments: { file: 'policies/data/documents.yaml' },
  policyFacts: { file: 'policies/data/facts.yaml' },
  policyChannels: { file: 'policies/data/channels.yaml' },
  policyStatus: { file: 'policies/data/status.yaml' },
  policyChanges: { file: 'policies/data/changes.yaml' },
  events: { folder: 'events', ext: 'yaml', nested: true },
  cases: { folder: 'cases', ext: 'mdx', nested: true },
  contacts: { file: 'contacts/contacts.yaml' },
  desks: { file: 'contacts/desks.yaml' },
  bestBets: { file: 'search/best-bets.yaml' },
} as const satisfies Record<string, CollectionSource>;

export type CollectionName = keyof typeof COLLECTION_SOURCES;

/** Each collection's schema; `ref` is Astro's reference() in the build, a plain id check elsewhere. */
export function collectionSchemas(ref: RefFactory) {
  return {
    notice: noticeSchema,
    plan: planSchema(ref),
    regions: regionSchema(ref),
    policies: policySchema(ref),
    policyDocuments: policyDocumentSchema,
    policyFacts: policyFactSchema(ref),
    policyChannels: channelSchema,
    policyStatus: programmeStatusSchema(ref),
    policyChanges: policyChangeSchema(ref),
    events: eventSchema(ref),
    cases: caseSchema(ref),
    contacts: contactSchema(ref),
    desks: deskSchema,
    bestBets: bestBetSchema,
  } satisfies Record<CollectionName, z.ZodType>;
}

/** The folder a folder collection reads (EVENTS_DIR may move the events), from the project root. */
export function collectionFolder(name: CollectionName, env: NodeJS.ProcessEnv = process.env): string {
  const source = COLLECTION_SOURCES[name];
  if (!('folder' in source)) throw new Error(`${name} 不是文件夹`);
  if (name === 'events' && env['EVENTS_DIR']) return env['EVENTS_DIR'].replace(/\/+$/u, '');
  return contentPath(source.folder, env);
}

/**
 * The glob of files a folder collection reads. SITE_DEMO=0 leaves out content/cases/demo/
 * entirely, so not even a demo case's pictures are published (demo events are read and checked
 * whatever SITE_DEMO says, and left out later, in src/data/events.ts).
 */
export function collectionPattern(name: CollectionName, env: NodeJS.ProcessEnv = process.env): string | string[] {
  const source = COLLECTION_SOURCES[name];
  if (!('folder' in source)) throw new Error(`${name} 不是文件夹`);
  const files = `${source.nested ? '**/' : ''}*.${source.ext}`;
  return name === 'cases' && env['SITE_DEMO'] === '0' ? [files, '!demo/**'] : files;
}
