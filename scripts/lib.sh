# Shared helpers for the scripts in this folder (sourced, not run).

step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# fail WHAT HOW: stop with what failed and what to do about it.
fail() {
  printf '\033[31merror:\033[0m %s\n' "$1" >&2
  [[ -n "${2:-}" ]] && printf '  what to do: %s\n' "$2" >&2
  exit 1
}

# The Debian mirror this machine already uses (never hard-coded in the repo).
system_debian_mirror() {
  local uri=""
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [[ -z "$uri" && -f /etc/apt/sources.list ]]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list)
  fi
  [[ -n "$uri" ]] && echo "$uri"
}

# Emscripten 3.1.6 from Debian needs the system python and Debian's node modules.
export EMSDK_PYTHON=/usr/bin/python3
export NODE_PATH=/usr/share/nodejs
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
# Paths relative to the checkout in ccache's keys, so a fresh clone elsewhere (CI) hits the
# cache that an earlier build filled.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(pwd -P)}"
export CCACHE_NOHASHDIR=1

jobs_count() { nproc 2>/dev/null || echo 2; }
