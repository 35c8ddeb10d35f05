/**
 * The site's Content Security Policy and security headers, written once and used three ways: as
 * a <meta> tag on every page, as dist/_headers for static hosts that read it (Netlify, Cloudflare
 * Pages, EdgeOne and similar), and in deploy/nginx.conf (both from src/lib/server-config.ts). No inline script runs
 * except the one pre-paint line below, allowed by its hash; no outside host is allowed unless the
 * 天地图 key is configured, and then only 天地图's tile servers for images.
 */
import { createHash } from 'node:crypto';

/**
 * Applies the remembered 适老化 mode before the first paint so the page never jumps. It has to be
 * inline (an external file would block rendering or run too late), so the policy allows exactly
 * this text by its SHA-256 hash.
 */
export const PREPAINT_SCRIPT = "try{if(localStorage.getItem('wujin-elder')==='1')document.documentElement.setAttribute('data-elder','')}catch(e){}";

/** The CSP source expression for an inline script's exact text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** 天地图's tile servers (t0 … t7), allowed for images only when a key is configured. */
export const TIANDITU_TILE_HOSTS = ['https://*.tianditu.gov.cn'];

export interface PolicyOptions {
  /** True when PUBLIC_TIANDITU_KEY is set: map tiles come from 天地图. */
  tiles: boolean;
  /**
   * A <meta> policy cannot carry frame-ancestors (browsers ignore it there and warn), so the
   * meta form leaves it out; headers carry it.
   */
  delivery: 'meta' | 'header';
  /**
   * Who may frame the page: nobody (every page), or any site (the embeds under /embed/, which
   * media may put in their own pages). Headers only; a meta policy carries no frame-ancestors.
   */
  framing?: 'none' | 'any';
}

/** The policy's directives, in a fixed order so builds are byte-identical. */
export function cspDirectives({ tiles, delivery, framing = 'none' }: PolicyOptions): [string, string[]][] {
  return [
    ['default-src', ["'self'"]],
    // Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
    ['script-src', ["'self'", scriptHash(PREPAINT_SCRIPT), "'wasm-unsafe-eval'"]],
    // Leaflet positions map panes through element.style (CSSOM), which style-src does not govern.
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', ...(tiles ? TIANDITU_TILE_HOSTS : [])]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ...(delivery === 'header' ? ([['frame-ancestors', framing === 'any' ? ['*'] : ["'none'"]]] as [string, string[]][]) : []),
  ];
}

const policies = new Map<string, string>();
/** The policy as one header or meta value. */
export function contentSecurityPolicy(options: PolicyOptions): string {
  // Every page asks for the same few policies: computed once each (hashing the inline script
  // for each of 40,000 pages was measurable).
  const key = `${options.tiles}|${options.delivery}|${options.framing ?? 'none'}`;
  let policy = policies.get(key);
  if (policy === undefined) {
    policy = cspDirectives(options)
      .map(([name, values]) => `${name} ${values.join(' ')}`)
      .join('; ');
    policies.set(key, policy);
  }
  return policy;
}

/** The paths other sites may frame: the embeds. */
export const EMBED_PREFIX = '/embed/';

/**
 * Every security header the site wants from its server, in a fixed order. Embeds (`embed: true`)
 * may be framed by any site and never load map tiles; every other page refuses to be framed.
 */
export function securityHeaders({ tiles, embed = false }: { tiles: boolean; embed?: boolean }): [string, string][] {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(embed ? { tiles: false, delivery: 'header', framing: 'any' } : { tiles, delivery: 'header' })],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Content-Type-Options', 'nosniff'],
    // Only "离我最近" asks for the location, and only on this site; nothing else is needed.
    ['Permissions-Policy', 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()'],
    // For browsers that predate frame-ancestors (an embed has none: there is no "any site" value).
    ...(embed ? [] : ([['X-Frame-Options', 'DENY']] as [string, string][])),
  ];
}
