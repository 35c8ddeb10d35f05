#!/usr/bin/env bash
# Daily rebuild: static pages split events into 即将举办/往期 and judge policy periods for the
# day they are built, so the site is rebuilt every morning (visitors' browsers also re-check,
# but search engines, WeChat previews and readers without JavaScript see the built text).
#
#   SITE_URL=https://正式网址 DEPLOY_DIR=/var/www/wujin bash scripts/daily-rebuild.sh
#
# It builds into dist/ with today's date (Asia/Shanghai) as SITE_NOW, and only when the build
# succeeds copies it to DEPLOY_DIR, so a failed build never leaves a half-updated site.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${SITE_URL:?请设置 SITE_URL（网站正式网址）}"
: "${DEPLOY_DIR:?请设置 DEPLOY_DIR（网站文件所在目录）}"
SITE_NOW="$(TZ=Asia/Shanghai date +%Y-%m-%dT%H:%M:%S+08:00)"
export SITE_NOW
echo "每日重建：$SITE_NOW，网址 $SITE_URL"
npm run release
rsync -a --delete dist/ "$DEPLOY_DIR/"
echo "已发布到 $DEPLOY_DIR"
