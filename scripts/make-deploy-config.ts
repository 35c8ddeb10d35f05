/**
 * Writes deploy/nginx.conf from src/lib/server-config.ts (and the security headers of
 * src/lib/security.ts): `npm run deploy-config`. With PUBLIC_TIANDITU_KEY set, the policy also
 * allows 天地图's tiles. `npm test` checks the committed file is up to date and loads it in nginx.
 */
import { writeFileSync } from 'node:fs';
import { nginxServerBlock } from '../src/lib/server-config.ts';

const root = process.env.DEPLOY_ROOT ?? '/var/www/wujin/current';
writeFileSync('deploy/nginx.conf', nginxServerBlock({ root, tiles: Boolean(process.env.PUBLIC_TIANDITU_KEY) }));
console.log(`已写入 deploy/nginx.conf（root ${root}）`);
