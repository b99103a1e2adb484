#!/usr/bin/env bash
# End-to-end test of the Copydesk extension in a real VS Code (code-server 4.100.3 on Node 20):
# builds the .vsix, drives the UI with Playwright, then runs the in-extension-host mocha suite.
# Installs its own prerequisites (apt packages, code-server in a cache folder outside the repo);
# a missing prerequisite fails loudly. Usage: scripts/e2e-vscode.sh [--install-only]
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

CODE_SERVER_VERSION=4.100.3
RIPGREP_PKG_VERSION=1.15.11 # @vscode/ripgrep pinned by code-server 4.100.3 (its postinstall downloads rg)
CACHE=${COPYDESK_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/copydesk-e2e}
CS_DIR=$CACHE/code-server-$CODE_SERVER_VERSION
export CODE_SERVER_BIN=$CS_DIR/node_modules/.bin/code-server
export CHROMIUM_BIN=${CHROMIUM_BIN:-/usr/bin/chromium}

log() { echo "== e2e-vscode: $*"; }
die() { echo "e2e-vscode: FAIL: $*" >&2; exit 1; }

install_apt_packages() {
  local missing=()
  [ -x "$CHROMIUM_BIN" ] || missing+=(chromium)
  command -v rg > /dev/null || missing+=(ripgrep)
  command -v pkg-config > /dev/null || missing+=(pkg-config)
  for pkg in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev; do
    dpkg -s "$pkg" > /dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get > /dev/null || die "missing ${missing[*]} and no apt-get to install them"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "apt-get install ${missing[*]}"
  $sudo apt-get update -qq || die "apt-get update failed"
  $sudo apt-get install -y -qq chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep \
    || die "apt-get install failed"
}

# @vscode/ripgrep's postinstall downloads rg from GitHub; seed its cache with Debian's rg instead.
seed_ripgrep_cache() {
  local cache_dir=${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION
  local tarball=$cache_dir/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
  [ -f "$tarball" ] && return 0
  local stage
  stage=$(mktemp -d)
  mkdir -p "$cache_dir"
  cp "$(command -v rg)" "$stage/rg"
  tar czf "$tarball" -C "$stage" rg
  rm -rf "$stage"
}

install_code_server() {
  if [ -x "$CODE_SERVER_BIN" ] && "$CODE_SERVER_BIN" --version 2> /dev/null | grep -q "^$CODE_SERVER_VERSION"; then
    return 0
  fi
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 1 minute)"
  seed_ripgrep_cache
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  (
    cd "$CS_DIR"
    echo '{"name":"copydesk-e2e-code-server","private":true}' > package.json
    # nodedir: build native modules against the local Node headers; unsafe_perm: postinstall refuses
    # root otherwise; yes: node-pty's postinstall runs npx non-interactively.
    npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" > install.log 2>&1
  ) || { tail -n 40 "$CS_DIR/install.log" >&2; die "code-server install failed (log: $CS_DIR/install.log)"; }
  "$CODE_SERVER_BIN" --version > /dev/null || die "code-server installed but does not run"
}

install_apt_packages
install_code_server
[ "${1:-}" = "--install-only" ] && { log "prerequisites ready"; exit 0; }

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-e2e-XXXXXX")
CS_PID=''
cleanup() {
  local rc=$?
  if [ -n "$CS_PID" ]; then kill -- "-$CS_PID" 2> /dev/null; wait "$CS_PID" 2> /dev/null; fi
  # Keep the scratch folder (logs, failure screenshot) when something failed.
  if [ "$rc" -ne 0 ] || [ "${KEEP_SCRATCH:-0}" = 1 ]; then echo "e2e-vscode: logs kept in $SCRATCH" >&2; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT
started=$(date +%s)

if [ "${COPYDESK_E2E_REUSE_VSIX:-0}" = 1 ] && [ -f copydesk.vsix ]; then
  log "reusing copydesk.vsix (COPYDESK_E2E_REUSE_VSIX=1)"
else
  log "npm run package"
  npm run package --silent || die "npm run package failed"
fi
[ -f copydesk.vsix ] || die "npm run package did not produce copydesk.vsix"

# Part 1: the .vsix installed into code-server, used through the UI.
mkdir -p "$SCRATCH/user/User" "$SCRATCH/ext"
cp test-e2e/vscode/user-settings.json "$SCRATCH/user/User/settings.json"
cp -r test-e2e/vscode/workspace "$SCRATCH/ws-ui"
log "code-server --install-extension copydesk.vsix"
"$CODE_SERVER_BIN" --user-data-dir "$SCRATCH/user" --extensions-dir "$SCRATCH/ext" --install-extension "$REPO/copydesk.vsix" \
  > "$SCRATCH/install-extension.log" 2>&1 || { cat "$SCRATCH/install-extension.log" >&2; die "installing the .vsix failed"; }
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
setsid "$CODE_SERVER_BIN" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --user-data-dir "$SCRATCH/user" \
  --extensions-dir "$SCRATCH/ext" "$SCRATCH/ws-ui" > "$SCRATCH/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 150); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { cat "$SCRATCH/code-server.log" >&2; die "code-server did not start on 127.0.0.1:$PORT"; }

log "UI journey (playwright + chromium)"
ui_rc=0
CS_URL="http://127.0.0.1:$PORT/?folder=$SCRATCH/ws-ui" WS_DIR="$SCRATCH/ws-ui" SHOT_DIR="$SCRATCH" \
  timeout 180 node test-e2e/vscode/drive-ui.js || ui_rc=$?
kill -- "-$CS_PID" 2> /dev/null; wait "$CS_PID" 2> /dev/null; CS_PID=''
if [ "$ui_rc" -ne 0 ]; then
  echo "---- code-server log (tail)"; tail -n 30 "$SCRATCH/code-server.log"
  find "$SCRATCH/user/logs" -name '*.log' -path '*exthost*' -exec tail -n 30 {} + 2> /dev/null || true
fi

# Part 2: the extension's mocha suite inside code-server's extension host, through @vscode/test-electron.
log "extension mocha suite (runTests -> code-server shim)"
mkdir -p "$SCRATCH/ws-suite"
# The suite's drafts opt in through a style file at the folder root (the built-in style as is).
echo '# e2e suite: copydesk:recommended unchanged' > "$SCRATCH/ws-suite/.copydesk.yaml"
suite_rc=0
SUITE_WORKSPACE="$SCRATCH/ws-suite" timeout 300 node test-e2e/vscode/run-suite.js || suite_rc=$?

log "UI journey rc=$ui_rc, extension suite rc=$suite_rc, $(($(date +%s) - started)) s"
[ "$ui_rc" -eq 0 ] && [ "$suite_rc" -eq 0 ] || die "the VS Code end-to-end test failed"
log "PASS"
