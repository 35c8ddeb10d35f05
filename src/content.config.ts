/**
 * Astro's collections, built from the one table in src/config/collections.ts (where each
 * collection's files live and their schema), which scripts/check-content.ts reads too. Only
 * what is Astro's own is added here: reference() for links between entries, and image() for
 * the case pictures.
 */
import { isAbsolute } from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { COLLECTION_SOURCES, collectionFolder, collectionPattern, collectionSchemas, contentPath, type CollectionName } from './config/collections.ts';
import { caseImageProblem, caseSchema } from './schemas/case.ts';
import type { RefFactory } from './schemas/common.ts';

const ref: RefFactory = (collection) => reference(collection);
const schemas = collectionSchemas(ref);

/** The loader for a collection: a folder's files, or one file's list. */
function loader(name: CollectionName) {
  const source = COLLECTION_SOURCES[name];
  // Relative to the project root as './…'; an absolute folder (EVENTS_DIR in the tests) as it is.
  const at = (path: string) => (isAbsolute(path) ? path : `./${path}`);
  return 'file' in source ? file(at(contentPath(source.file))) : glob({ pattern: collectionPattern(name), base: at(collectionFolder(name)) });
}

export const collections = {
  notice: defineCollection({ loader: loader('notice'), schema: schemas.notice }),
  plan: defineCollection({ loader: loader('plan'), schema: schemas.plan }),
  regions: defineCollection({ loader: loader('regions'), schema: schemas.regions }),
  policies: defineCollection({ loader: loader('policies'), schema: schemas.policies }),
  policyDocuments: defineCollection({ loader: loader('policyDocuments'), schema: schemas.policyDocuments }),
  policyFacts: defineCollection({ loader: loader('policyFacts'), schema: schemas.policyFacts }),
  policyChannels: defineCollection({ loader: loader('policyChannels'), schema: schemas.policyChannels }),
  policyStatus: defineCollection({ loader: loader('policyStatus'), schema: schemas.policyStatus }),
  policyChanges: defineCollection({ loader: loader('policyChanges'), schema: schemas.policyChanges }),
  events: defineCollection({ loader: loader('events'), schema: schemas.events }),
  // An SVG picture is refused here by its name; src/data/cases.ts refuses it and oversized
  // pictures again from Astro's measurements (caseImageProblem).
  cases: defineCollection({
    loader: loader('cases'),
    // image() takes the path text at this stage (its declared input type is the measured object).
    schema: ({ image }) =>
      caseSchema(ref, () =>
        z
          .string()
          .refine((path) => !/\.svgz?$/iu.test(path), { error: caseImageProblem({ format: 'svg', width: 0, height: 0 })! })
          .pipe(image() as unknown as z.ZodType<unknown, string>),
      ),
  }),
  contacts: defineCollection({ loader: loader('contacts'), schema: schemas.contacts }),
  desks: defineCollection({ loader: loader('desks'), schema: schemas.desks }),
  bestBets: defineCollection({ loader: loader('bestBets'), schema: schemas.bestBets }),
} satisfies Record<CollectionName, unknown>;
