#!/usr/bin/env bash
# Installs the offline VS Code (code-server 4.100.3 = VS Code 1.100.3, the newest that runs on
# Node 20) into .vscode-test/code-server, working around every step that would download a binary
# or refuse root. Idempotent: a stamp file marks a finished install. Writes nothing into ~.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/.vscode-test/code-server"
version="4.100.3"
stamp="$dest/.installed-$version"
if [ -f "$stamp" ]; then echo "offline VS Code: already installed ($dest)"; exit 0; fi

if ! command -v chromium >/dev/null || ! command -v rg >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "offline VS Code: installing Debian chromium and ripgrep"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ripgrep >/dev/null
  else
    echo "offline VS Code: needs 'chromium' and 'rg' on PATH (apt-get install chromium ripgrep)" >&2
    exit 1
  fi
fi

rm -rf "$dest" && mkdir -p "$dest"
cd "$dest"
export npm_config_cache="$root/.vscode-test/npm-cache"   # keep ~/.npm untouched
echo '{"name":"newsmark-offline-vscode","private":true}' > package.json
echo "offline VS Code: npm install code-server@$version"
npm install --no-audit --no-fund --ignore-scripts "code-server@$version" >/dev/null
npm rebuild argon2 --build-from-source >/dev/null
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
npm rebuild @vscode/spdlog native-watchdog @vscode/deviceid >/dev/null
# node-gyp run directly does not read npm's nodedir: pass it, so it uses local headers, not a download.
nodedir="$(npm config get nodedir 2>/dev/null || true)"
gyp_args=()
if [ -n "$nodedir" ] && [ "$nodedir" != "undefined" ] && [ -f "$nodedir/include/node/node.h" ]; then gyp_args+=("--nodedir=$nodedir")
elif [ -f /usr/include/node/node.h ]; then gyp_args+=("--nodedir=/usr"); fi
(cd node_modules/node-pty && node "$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js" rebuild "${gyp_args[@]}" >/dev/null)
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null && node postinstall.mjs >/dev/null)
touch "$stamp"
echo "offline VS Code: installed ($dest)"
