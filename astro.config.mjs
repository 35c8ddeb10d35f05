// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// SITE_URL is the public address the site is deployed at (for canonical links and feeds).
// Until the real 政府网站 domain is assigned, local builds use localhost.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [
    mdx(),
    // Search pages and the 404 page are not content; everything else is listed for search engines.
    sitemap({ filter: (page) => !/\/(search|404)\/?$/u.test(new URL(page).pathname) }),
  ],
  devToolbar: { enabled: false },
  server: { port: 4321, host: true },
});
