/**
 * Every collection: where its files live and the schema they must satisfy. Schemas live in
 * src/schemas/ (shared with the import script and the tests); here they get Astro's reference().
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { caseImageProblem, caseSchema } from './schemas/case.ts';
import type { RefFactory } from './schemas/common.ts';
import { contactSchema } from './schemas/contact.ts';
import { eventSchema } from './schemas/event.ts';
import { noticeSchema } from './schemas/notice.ts';
import { planSchema } from './schemas/plan.ts';
import { channelSchema, policyDocumentSchema, policyFactSchema, policySchema, programmeStatusSchema } from './schemas/policy.ts';
import { regionSchema } from './schemas/region.ts';
import { bestBetSchema } from './schemas/search.ts';

const ref: RefFactory = (collection) => reference(collection);

export const collections = {
  notice: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/notice' }), schema: noticeSchema }),
  plan: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/plan' }), schema: planSchema(ref) }),
  regions: defineCollection({ loader: file('./content/regions/jiangsu.json'), schema: regionSchema(ref) }),
  policies: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/policies' }), schema: policySchema(ref) }),
  policyDocuments: defineCollection({ loader: file('./content/policies/data/documents.yaml'), schema: policyDocumentSchema }),
  policyFacts: defineCollection({ loader: file('./content/policies/data/facts.yaml'), schema: policyFactSchema(ref) }),
  policyChannels: defineCollection({ loader: file('./content/policies/data/channels.yaml'), schema: channelSchema }),
  policyStatus: defineCollection({ loader: file('./content/policies/data/status.yaml'), schema: programmeStatusSchema(ref) }),
  // EVENTS_DIR points the build at another folder (the synthetic events used by benchmarks).
  events: defineCollection({ loader: glob({ pattern: '**/*.yaml', base: process.env.EVENTS_DIR ?? './content/events' }), schema: eventSchema(ref) }),
  // SITE_DEMO=0 leaves out content/cases/demo/ entirely, so not even its pictures are published.
  // An SVG picture is refused here by its name; src/data/cases.ts refuses it and oversized
  // pictures again from Astro's measurements (caseImageProblem).
  cases: defineCollection({
    loader: glob({ pattern: process.env.SITE_DEMO === '0' ? ['**/*.mdx', '!demo/**'] : '**/*.mdx', base: './content/cases' }),
    // image() takes the path text at this stage (its declared input type is the measured object).
    schema: ({ image }) => caseSchema(ref, () => z.string().refine((path) => !/\.svgz?$/iu.test(path), { error: caseImageProblem({ format: 'svg', width: 0, height: 0 })! }).pipe(image() as unknown as z.ZodType<unknown, string>)),
  }),
  contacts: defineCollection({ loader: file('./content/contacts/contacts.yaml'), schema: contactSchema(ref) }),
  bestBets: defineCollection({ loader: file('./content/search/best-bets.yaml'), schema: bestBetSchema }),
};
