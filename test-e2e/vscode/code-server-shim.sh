#!/usr/bin/env bash
# Stand-in "VS Code executable" for @vscode/test-electron's vscodeExecutablePath: no desktop VS Code can be
# downloaded here, so run the extension tests in code-server's node extension host via headless chromium.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
: "${CODE_SERVER_BIN:?CODE_SERVER_BIN must point at the code-server executable}"
EXT='' TESTS='' FOLDER='' UDD='' EXTDIR=''
for arg in "$@"; do
  case "$arg" in
    --extensionDevelopmentPath=*) EXT=${arg#*=} ;;
    --extensionTestsPath=*) TESTS=${arg#*=} ;;
    --user-data-dir=*) UDD=${arg#*=} ;;
    --extensions-dir=*) EXTDIR=${arg#*=} ;;
    --*) ;; # desktop-only flags (--no-sandbox, --disable-updates ...) mean nothing to code-server
    *) FOLDER=$arg ;;
  esac
done
for name in EXT TESTS FOLDER UDD EXTDIR; do
  [ -n "${!name}" ] || { echo "code-server-shim: missing $name in the arguments: $*" >&2; exit 2; }
done
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
mkdir -p "$UDD/User" "$EXTDIR"
cp "$HERE/user-settings.json" "$UDD/User/settings.json"
setsid "$CODE_SERVER_BIN" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --user-data-dir "$UDD" --extensions-dir "$EXTDIR" \
  > "$UDD/code-server.log" 2>&1 &
CS_PID=$!
stop_code_server() { kill -- "-$CS_PID" 2> /dev/null; wait "$CS_PID" 2> /dev/null; }
trap stop_code_server EXIT
for _ in $(seq 150); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "code-server-shim: code-server did not start" >&2; cat "$UDD/code-server.log" >&2; exit 1; }
CS_HOST=127.0.0.1:$PORT EXT_DIR="$EXT" EXT_TESTS="$TESTS" WS_FOLDER="$FOLDER" \
  timeout 240 node "$HERE/exthost-runner.js"
