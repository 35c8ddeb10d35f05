// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { buildConcurrency } from './src/config/build.ts';
import { contentDir } from './src/config/collections.ts';
import { mdxComponentsFor } from './src/config/mdx.ts';
import { mdxGuardPlugin } from './src/lib/mdx-guard.ts';
import { headersFile } from './src/lib/server-config.ts';
import { resolveSiteUrl } from './src/lib/site-url.ts';

// SITE_URL is the public address the site is deployed at: canonical links, feeds, the sitemap,
// open data and the calendar addresses people copy all carry it. A local build (npm start,
// npm test) uses localhost; a release build (npm run release) refuses to run without it, so a
// published site never tells people to subscribe to http://localhost:4321.
const siteCheck = resolveSiteUrl(process.env.SITE_URL, process.env.SITE_RELEASE === '1');
if ('error' in siteCheck) throw new Error(siteCheck.error);
const site = siteCheck.site;
const siteUrl = siteCheck.explicit;

/** Says, once per build, which address every link and feed in dist/ will carry. */
const announceSite = {
  name: 'site-address',
  hooks: {
    /** @param {{ logger: { info: (m: string) => void; warn: (m: string) => void } }} options */
    'astro:build:start': ({ logger }) => {
      if (siteUrl) logger.info(`网站地址：${site}（写入规范链接、日历、站点地图和开放数据）`);
      else logger.warn(`网站地址：${site}（本地预览用）。正式发布请用 SITE_URL=https://… npm run release`);
    },
  },
};

/** Writes dist/_headers (security headers, caching) for static hosts, from src/lib/server-config.ts. */
const securityHeaderFile = {
  name: 'security-headers',
  hooks: {
    /** @param {{ dir: URL }} options */
    'astro:build:done': ({ dir }) => {
      writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile({ tiles: Boolean(process.env.PUBLIC_TIANDITU_KEY) }));
    },
  },
};

/**
 * Writes every event's calendar file (/events/<id>.ics) in one pass from the single JSON that
 * src/pages/calendar/event-files.json.ts renders, then removes that JSON from the output.
 */
const eventCalendarFiles = {
  name: 'event-calendar-files',
  hooks: {
    /** @param {{ dir: URL }} options */
    'astro:build:done': ({ dir }) => {
      const bundle = fileURLToPath(new URL('calendar/event-files.json', dir));
      /** @type {Record<string, string>} */
      const files = JSON.parse(readFileSync(bundle, 'utf8'));
      mkdirSync(fileURLToPath(new URL('events/', dir)), { recursive: true });
      for (const [id, text] of Object.entries(files)) writeFileSync(fileURLToPath(new URL(`events/${id}.ics`, dir)), text);
      rmSync(bundle);
    },
  },
};

// Astro caches the content it has read (node_modules/.astro) and reuses an entry whose text has
// not changed, with the file path it was first read from. Each content folder (content/, the
// tests' fixture, EVENTS_DIR) gets its own cache, so a build never renders another folder's file.
// ASTRO_CACHE_TAG gives a build its own cache (tests that build at the same time as others).
const contentKey = `${contentDir()}|${process.env.EVENTS_DIR ?? ''}|${process.env.SITE_DEMO ?? ''}${process.env.ASTRO_CACHE_TAG ? `|${process.env.ASTRO_CACHE_TAG}` : ''}`;
const cacheDir =
  contentKey === 'content||' ? './node_modules/.astro' : `./node_modules/.astro-${createHash('sha256').update(contentKey).digest('hex').slice(0, 12)}`;

export default defineConfig({
  site,
  cacheDir,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: buildConcurrency() },
  integrations: [
    announceSite,
    securityHeaderFile,
    eventCalendarFiles,
    // An editor's MDX is Markdown plus the site's own components: the guard refuses imports,
    // expressions and raw HTML before anything is compiled (src/lib/mdx-guard.ts).
    mdx({ processor: satteri({ mdastPlugins: [mdxGuardPlugin(mdxComponentsFor)] }) }),
    // The 404 page is not content, and a poster is its event page for print; everything else
    // is listed for search engines (/search/ without a query is the site index by section).
    sitemap({ filter: (page) => !/\/(404|poster)\/?$/u.test(new URL(page).pathname) }),
  ],
  // Every script is a file, none inlined, so the Content Security Policy needs no 'unsafe-inline'.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  server: { port: 4321, host: true },
});
