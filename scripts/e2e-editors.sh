#!/usr/bin/env bash
# End-to-end test of the Copydesk language server in two editors other than VS Code: headless
# Neovim (0.7+, built-in LSP client) and headless Emacs (28 + eglot). Each opens a draft, must
# receive copydesk diagnostics, apply a quick fix and see the problem gone. Installs the editors
# with apt when missing; a failed install fails the script. Run after `npm ci && npm run build`.
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVER_JS="$REPO/out/server/src/lsp/server.js"
CLIENTS="$REPO/test-e2e/editors"

if [[ ! -f "$SERVER_JS" ]]; then
  echo "e2e-editors: $SERVER_JS is missing; run 'npm ci && npm run build' first." >&2
  exit 1
fi

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "e2e-editors: need root (or sudo) to run: $*" >&2; return 1; fi
}

packages=()
command -v nvim >/dev/null || packages+=(neovim)
command -v emacs >/dev/null || packages+=(emacs-nox)
if ! command -v emacs >/dev/null || ! emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1; then packages+=(elpa-eglot); fi
if (( ${#packages[@]} > 0 )); then
  echo "e2e-editors: installing ${packages[*]} with apt-get"
  if ! as_root apt-get update -q || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"; then
    echo "e2e-editors: FAILED to install ${packages[*]}; the editor tests cannot run." >&2
    exit 1
  fi
fi
for tool in nvim emacs node; do
  command -v "$tool" >/dev/null || { echo "e2e-editors: $tool is still missing after the install" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-e2e-editors.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# A draft in the house style with a lower-case dateline city (fixable), a wrong separator and a bare acronym.
write_draft() {
  mkdir -p "$1"
  printf '%s\n' \
    'Police finish trafficking course' \
    '' \
    'Almaty, Kazakhstan - Police officers on Friday finished a course run by the OSCE.' \
    '' \
    '"The course gave our officers new tools to find victims," a police spokesman said.' > "$1/draft.md"
  # The editor checks only drafts that opt in: a style file beside the draft (the built-in style as is).
  printf '%s\n' '# House style for the editor test: copydesk:recommended unchanged.' > "$1/.copydesk.yaml"
}

failures=0
run_editor() {
  local name="$1"; shift
  local log="$WORK/$name.log"
  if timeout 60 "$@" >"$log" 2>&1 && grep -q '^OK$' "$log"; then
    echo "PASS $name"
  else
    echo "FAIL $name (output below)"
    sed 's/^/  | /' "$log"
    failures=$((failures + 1))
  fi
}

write_draft "$WORK/nvim"
run_editor "neovim $(nvim --version | head -n1 | awk '{print $2}')" \
  env COPYDESK_SERVER="$SERVER_JS" COPYDESK_DRAFT="$WORK/nvim/draft.md" \
  nvim --headless -u NONE -i NONE -n -c "luafile $CLIENTS/nvim/copydesk.lua"

write_draft "$WORK/emacs"
# Not -Q: that skips Debian's site-start, and (require 'eglot) then fails.
run_editor "emacs $(emacs --version | head -n1 | awk '{print $3}') + eglot" \
  env COPYDESK_SERVER="$SERVER_JS" COPYDESK_DRAFT="$WORK/emacs/draft.md" HOME="$WORK/emacs" \
  emacs --batch -l "$CLIENTS/emacs/copydesk.el"

exit $(( failures > 0 ? 1 : 0 ))
