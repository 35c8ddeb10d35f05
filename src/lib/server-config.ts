/**
 * What a web server must do to serve dist/ as the site means it, written once and shipped two
 * ways: deploy/nginx.conf (a complete `server` block for stock Debian nginx) and dist/_headers
 * (static hosts). Content types for calendar files, CSV and the manifest; UTF-8; the site's 404
 * page; long caching for fingerprinted assets and revalidation for pages; precompressed gzip when
 * a .gz file sits beside the original; the security headers of src/lib/security.ts on every
 * response. Pure.
 */
import { EMBED_PREFIX, securityHeaders } from './security.ts';

/** Types stock nginx (Debian's mime.types) lacks for this site (it has application/wasm). */
export const EXTRA_TYPES: [string, string][] = [
  ['text/calendar', 'ics'],
  ['text/csv', 'csv'],
  ['application/manifest+json', 'webmanifest'],
];

/** Cache-Control for fingerprinted files (/_astro/) and for everything else. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

/** Text types that are served as UTF-8 and compressed. */
const TEXT_TYPES = [
  'text/css',
  'text/plain',
  'text/xml',
  'text/csv',
  'text/calendar',
  'application/javascript',
  'application/json',
  'application/manifest+json',
  'application/rss+xml',
  'application/xml',
  'image/svg+xml',
];

export interface ServerOptions {
  /** The folder nginx serves: the live release (a symlink switched by scripts/daily-rebuild.sh). */
  root: string;
  /** True when PUBLIC_TIANDITU_KEY is set (map tiles from 天地图). */
  tiles: boolean;
}

/** The nginx `server` block. */
export function nginxServerBlock({ root, tiles }: ServerOptions): string {
  const headers = (cache: string, indent: string, embed = false) => [
    ...securityHeaders({ tiles, embed }).map(([k, v]) => `${indent}add_header ${k} "${v}" always;`),
    `${indent}add_header Cache-Control "${cache}" always;`,
  ];
  return [
    '# 江苏汽车促消费“五进”活动网站的 nginx 配置（一个 server 块）。',
    '# 由 npm run deploy-config 按 src/lib/server-config.ts 和 src/lib/security.ts 生成，请勿手改；',
    '# npm test 用 Debian 的 nginx 实际加载并检查它（内容类型、404、缓存、压缩、安全响应头）。',
    '# 用法：复制到 /etc/nginx/conf.d/wujin.conf，按实际情况改 listen、server_name 和证书；',
    '# root 指向 scripts/daily-rebuild.sh 切换的 current 链接，不要指向构建目录 dist/。',
    'server {',
    '    listen 80;',
    '    server_name _;',
    `    root ${root};`,
    '    index index.html;',
    '',
    '    # 日历文件、CSV、网页清单：Debian 自带的 mime.types 没有，这里补上。server 里写了 types',
    '    # 就不再继承 http 块的类型表，所以先把 mime.types 引进来。',
    '    include /etc/nginx/mime.types;',
    '    types {',
    ...EXTRA_TYPES.map(([type, ext]) => `        ${type} ${ext};`),
    '    }',
    '    charset utf-8;',
    `    charset_types ${TEXT_TYPES.join(' ')};`,
    '',
    '    # 有 .gz 预压缩文件时直接发送，没有时现场压缩。',
    '    gzip on;',
    '    gzip_static on;',
    '    gzip_vary on;',
    `    gzip_types ${TEXT_TYPES.join(' ')};`,
    '',
    '    error_page 404 /404.html;',
    '',
    '    # 文件名带指纹，内容不会变：长期缓存。',
    '    location /_astro/ {',
    ...headers(CACHE_IMMUTABLE, '        '),
    '    }',
    '',
    '    # 网页和数据：每次向服务器确认是否更新（每天重建后读者马上看到新内容）。',
    '    location / {',
    '        try_files $uri $uri/ =404;',
    ...headers(CACHE_REVALIDATE, '        '),
    '    }',
    '',
    '    # 嵌入页（图表、各市活动地图）：允许其他网站用 iframe 嵌入，其余页面一律不允许。',
    `    location ${EMBED_PREFIX} {`,
    '        try_files $uri $uri/ =404;',
    ...headers(CACHE_REVALIDATE, '        ', true),
    '    }',
    '',
    '    # 旧的海报地址 /events/<编号>/poster/：海报现在就是活动页本身（/events/<编号>/?poster）。',
    '    location ~ ^/events/([a-z0-9-]+)/poster/?$ {',
    ...headers(CACHE_REVALIDATE, '        '),
    '        return 301 /events/$1/?poster;',
    '    }',
    '',
    '    location = /404.html {',
    '        internal;',
    ...headers(CACHE_REVALIDATE, '        '),
    '    }',
    '}',
    '',
  ].join('\n');
}

/**
 * dist/_headers for static hosts that read it: security headers everywhere, long caching for
 * fingerprinted files. Pages keep the host's own revalidating default: these hosts join the
 * values of a header set by two matching rules, so /* does not set Cache-Control.
 *
 * The embeds (/embed/*) may be framed: their rule first removes the two headers that /* sets
 * against framing (`! Name`, Cloudflare Pages' way to detach a header), then sets the embed
 * policy. A host that cannot remove a header keeps refusing frames there, which is safe;
 * deploy/nginx.conf has its own location for the embeds.
 */
export function headersFile({ tiles }: { tiles: boolean }): string {
  return [
    '/*',
    ...securityHeaders({ tiles }).map(([k, v]) => `  ${k}: ${v}`),
    `${EMBED_PREFIX}*`,
    '  ! Content-Security-Policy',
    '  ! X-Frame-Options',
    ...securityHeaders({ tiles, embed: true })
      .filter(([k]) => k === 'Content-Security-Policy')
      .map(([k, v]) => `  ${k}: ${v}`),
    '/_astro/*',
    `  Cache-Control: ${CACHE_IMMUTABLE}`,
    '',
  ].join('\n');
}
