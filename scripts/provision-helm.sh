#!/usr/bin/env bash
# Builds the real helm that test/deploy/helm-chart.test.ts renders and lints the chart with, into
# .cache/bin/helm (git-ignored), unless HELM_BIN names one. Helm is a Go module
# (helm.sh/helm/v4, from the Go module proxy); its go.mod needs Go 1.26, so an older or missing Go
# gets the golang.org/toolchain module of that version (GOTOOLCHAIN, or fetched from the proxy when
# there is no Go >= 1.21 at all). The build runs under nice (about 8 minutes on 2 cores, the first
# time; the Go build cache makes later ones quick). Called by scripts/provision-tests.sh.
set -uo pipefail

HELM_VERSION=v4.3.2
GO_TOOLCHAIN=go1.26.8
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ -n "${HELM_BIN:-}" ]; then
  [ -x "$HELM_BIN" ] && exit 0
  echo "provision-tests: HELM_BIN=$HELM_BIN is not an executable helm; unset it to build one" >&2
  exit 1
fi
out="$root/.cache/bin"
if [ -x "$out/helm" ] && [ "$(cat "$out/helm.version" 2>/dev/null)" = "$HELM_VERSION" ]; then
  exit 0
fi
mkdir -p "$out"
fail() {
  echo "provision-tests: could not build helm $HELM_VERSION ($1); build it with:" >&2
  echo "provision-tests:   GOBIN=$out go install helm.sh/helm/v4/cmd/helm@$HELM_VERSION   (Go >= 1.26)" >&2
  echo "provision-tests: or set HELM_BIN to a helm v4" >&2
  exit 1
}

go_bin=""
toolchain=local
if command -v go >/dev/null 2>&1; then
  minor="$(go env GOVERSION 2>/dev/null | sed -nE 's/^go1\.([0-9]+).*/\1/p')"
  if [ "${minor:-0}" -ge 26 ]; then
    go_bin=go
  elif [ "${minor:-0}" -ge 21 ]; then
    go_bin=go
    toolchain="$GO_TOOLCHAIN"
  fi
fi
if [ -z "$go_bin" ]; then
  case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) fail "no Go toolchain for $(uname -m)" ;;
  esac
  mod="v0.0.1-$GO_TOOLCHAIN.linux-$arch"
  dir="$root/.cache/go-toolchain"
  go_bin="$dir/golang.org/toolchain@$mod/bin/go"
  if [ ! -x "$go_bin" ]; then
    proxy="${GOPROXY:-https://proxy.golang.org}"
    proxy="${proxy%%,*}"
    echo "provision-tests: fetching the Go toolchain module golang.org/toolchain@$mod ..." >&2
    mkdir -p "$dir"
    curl -fsSL --max-time 600 -o "$dir/toolchain.zip" "$proxy/golang.org/toolchain/@v/$mod.zip" || fail "download of golang.org/toolchain@$mod"
    python3 - "$dir/toolchain.zip" "$dir" <<'PY' || fail "unpacking golang.org/toolchain@$mod"
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        path = z.extract(info, sys.argv[2])
        mode = (info.external_attr >> 16) & 0o777
        if mode:
            os.chmod(path, mode)
PY
    rm -f "$dir/toolchain.zip"
  fi
  [ -x "$go_bin" ] || fail "no go in golang.org/toolchain@$mod"
fi

echo "provision-tests: building helm $HELM_VERSION into .cache/bin (Go module helm.sh/helm/v4) ..." >&2
if ! GOTOOLCHAIN="$toolchain" GOBIN="$out" GOFLAGS=-buildvcs=false \
  timeout 2400 nice -n 10 "$go_bin" install "helm.sh/helm/v4/cmd/helm@$HELM_VERSION" >&2; then
  fail "go install failed"
fi
echo "$HELM_VERSION" >"$out/helm.version"
