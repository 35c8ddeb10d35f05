#!/usr/bin/env bash
# Daily rebuild: static pages split events into 即将举办/往期 and judge policy periods for the
# day they are built, so the site is rebuilt every morning (visitors' browsers also re-check,
# but search engines, WeChat previews and readers without JavaScript see the built text).
#
#   SITE_URL=https://正式网址 DEPLOY_DIR=/var/www/wujin bash scripts/daily-rebuild.sh
#   DEPLOY_DIR=/var/www/wujin bash scripts/daily-rebuild.sh --rollback
#
# The server's layout (nginx serves $DEPLOY_DIR/current):
#   $DEPLOY_DIR/.wujin-site          marks the folder as this site's own (created on the first run)
#   $DEPLOY_DIR/releases/<时间>/      one complete build each; the newest three are kept
#   $DEPLOY_DIR/current  -> releases/…   the live site (a symlink, switched in one rename)
#   $DEPLOY_DIR/previous -> releases/…   the release before it, for --rollback
#
# One run at a time (flock): a second run waits for the first. Each run builds into a new
# release folder and switches `current` only when the build is complete, so readers see either
# the old site or the new one, never a half-copied one; a failed or killed run leaves the live
# site as it was. Files unchanged since the live release are hard-linked to it rather than written
# again. Needs: bash, flock and ln/mv from coreutils (no rsync); the comparison runs on the
# checkout's own Node (node_modules/.bin/node, which the build uses too).
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKOUT="$(pwd -P)"

fail() { echo "每日重建：$*" >&2; exit 1; }

: "${DEPLOY_DIR:?请设置 DEPLOY_DIR（网站文件所在目录，例如 /var/www/wujin）}"
case "$DEPLOY_DIR" in /*) ;; *) fail "DEPLOY_DIR 必须是绝对路径（现在是“$DEPLOY_DIR”）" ;; esac
mkdir -p "$DEPLOY_DIR"
DEPLOY="$(cd "$DEPLOY_DIR" && pwd -P)"
# Never a folder whose contents are not ours: /, the checkout or a folder holding it, or a
# folder with other files in it (one run with DEPLOY_DIR=/var/www would otherwise take over
# every site beside this one).
[ "$DEPLOY" != "/" ] || fail "DEPLOY_DIR 不能是 /"
case "$CHECKOUT/" in "$DEPLOY"/*) fail "DEPLOY_DIR（$DEPLOY）是代码目录或它的上级目录，请用单独的目录，例如 /var/www/wujin" ;; esac
case "$DEPLOY/" in "$CHECKOUT"/*) fail "DEPLOY_DIR（$DEPLOY）在代码目录里面，请用代码目录以外的单独目录" ;; esac
if [ ! -e "$DEPLOY/.wujin-site" ]; then
  if [ -n "$(ls -A "$DEPLOY")" ]; then
    fail "DEPLOY_DIR（$DEPLOY）里已有别的文件，不像是本网站专用的目录。请用一个空目录（第一次运行会在里面建立 .wujin-site 标记）"
  fi
  echo "江苏汽车促消费“五进”活动网站的发布目录，由 scripts/daily-rebuild.sh 管理。" > "$DEPLOY/.wujin-site"
fi
mkdir -p "$DEPLOY/releases"

# The whole run holds the lock, builds included: two runs never share a build folder.
exec 9> "$DEPLOY/.lock"
if ! flock -n 9; then
  echo "每日重建：另一次重建正在进行，等它结束……"
  flock -w "${LOCK_WAIT_SECONDS:-3600}" 9 || fail "等了 ${LOCK_WAIT_SECONDS:-3600} 秒，另一次重建仍未结束"
fi

# Points link $1 at releases/$2 in one rename, so a reader never finds it missing.
switch_link() {
  ln -sfn "releases/$2" "$DEPLOY/.$1.new"
  mv -Tf "$DEPLOY/.$1.new" "$DEPLOY/$1"
}
target_of() { [ -L "$DEPLOY/$1" ] && basename "$(readlink "$DEPLOY/$1")" || true; }

if [ "${1:-}" = "--rollback" ]; then
  previous="$(target_of previous)"
  current="$(target_of current)"
  [ -n "$previous" ] && [ -d "$DEPLOY/releases/$previous" ] || fail "没有可以回退的上一个版本"
  switch_link current "$previous"
  [ -n "$current" ] && switch_link previous "$current"
  echo "每日重建：已回退到 $previous（原来的 $current 保留为 previous）"
  exit 0
fi

: "${SITE_URL:?请设置 SITE_URL（网站正式网址）}"
# SITE_NOW: today in Beijing time, unless given (tests and re-runs for a past day set it).
SITE_NOW="${SITE_NOW:-$(TZ=Asia/Shanghai date +%Y-%m-%dT%H:%M:%S+08:00)}"
export SITE_NOW

# A killed run may have left a half-built folder; we hold the lock, so none is in use.
find "$DEPLOY/releases" -mindepth 1 -maxdepth 1 -name '.building-*' -exec rm -rf {} +

stamp="$(TZ=Asia/Shanghai date +%Y%m%d-%H%M%S)-$$"
building="$DEPLOY/releases/.building-$stamp"
trap 'rm -rf "$building"' EXIT
echo "每日重建：$SITE_NOW，网址 $SITE_URL，构建到 $building"
BUILD_OUT="$building" npm run release

# Complete means: the home page, the search index and the build's own record of its day.
for f in index.html 404.html pagefind/pagefind.js build-info.json; do
  [ -s "$building/$f" ] || fail "构建不完整：缺少 $f，线上网站保持不变"
done
grep -q "\"siteNow\": \"$SITE_NOW\"" "$building/build-info.json" || fail "构建记录的日期与 $SITE_NOW 不符，线上网站保持不变"

# Only what changed is new: files byte-identical to the live release's become hard links to its
# files (scripts/link-unchanged.ts; the live release is only read). Linked files keep the live
# file's mtime, so nginx's ETag and Last-Modified stay the same for unchanged content. We hold the
# lock, so `current` cannot move meanwhile; deleting an old release later leaves the linked files.
old="$(target_of current)"
if [ -n "$old" ] && [ -d "$DEPLOY/releases/$old" ]; then
  node_modules/.bin/node scripts/link-unchanged.ts "$building" "$DEPLOY/releases/$old" || fail "与线上版本比较文件时出错，线上网站保持不变"
else
  echo "每日重建：还没有线上版本，全部文件都是新写入的"
fi

mv "$building" "$DEPLOY/releases/$stamp"
trap - EXIT
switch_link current "$stamp"
[ -n "$old" ] && [ "$old" != "$stamp" ] && switch_link previous "$old"

# Keep the live release, the previous one and one more; delete older ones.
keep="$(printf '%s\n%s\n' "$stamp" "$old")"
ls -1 "$DEPLOY/releases" | sort -r | tail -n +4 | while read -r r; do
  printf '%s\n' "$keep" | grep -qx "$r" || rm -rf "${DEPLOY:?}/releases/$r"
done
echo "每日重建：已发布 $stamp（nginx 的 root 应指向 $DEPLOY/current）"
