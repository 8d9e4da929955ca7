#!/usr/bin/env bash
# Builds the container image from the Dockerfile and checks, by running it, what the image promises:
# uid 1000, the DejaVu fonts registered for the chart, kubectl, the shipped runbooks valid, and
# `causeway demo` writing the chart PNG on a read-only root filesystem with a tmpfs /tmp.
# Not part of `npm test` (a build takes minutes and needs the base images); run it by hand:
#   bash scripts/check-image.sh                      # docker, else podman
#   ENGINE=podman RUN_FLAGS='--runtime runc --ulimit nofile=10000:10000 --ulimit nproc=4000:4000' \
#     BUILD_FLAGS="\$RUN_FLAGS --network host" bash scripts/check-image.sh
# (the flags for a machine whose root lacks CAP_SYS_RESOURCE and whose crun cannot handle its cgroups).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
engine="${ENGINE:-}"
if [ -z "$engine" ]; then
  for e in docker podman; do
    if command -v "$e" >/dev/null 2>&1 && timeout 30 "$e" info >/dev/null 2>&1; then engine=$e && break; fi
  done
fi
[ -n "$engine" ] || { echo "check-image: no working docker or podman (set ENGINE)" >&2; exit 1; }
image="${IMAGE:-localhost/causeway:check}"
read -r -a build_flags <<<"${BUILD_FLAGS:-}"
read -r -a run_flags <<<"${RUN_FLAGS:-}"
out="$(mktemp -d)"
chmod 777 "$out"
trap 'rm -rf "$out"' EXIT

echo "check-image: building $image with $engine ..." >&2
timeout 3600 "$engine" build "${build_flags[@]}" -t "$image" -f "$root/Dockerfile" "$root" >&2

run() { timeout 120 "$engine" run --rm "${run_flags[@]}" "$@"; }
fail() { echo "check-image: FAILED: $*" >&2; exit 1; }

uid="$(run --entrypoint id "$image" -u)"
[ "$uid" = 1000 ] || fail "runs as uid $uid, not 1000"
kubectl="$(run --entrypoint kubectl "$image" version --client)"
grep -q 'Client Version: v1\.' <<<"$kubectl" || fail "kubectl: $kubectl"
fonts="$(run --entrypoint node "$image" --input-type=module -e \
  "import { registerChartFonts } from '/app/src/adapters/charts/register-chart-fonts.ts'; console.log(JSON.stringify(registerChartFonts([], '/app')))")"
grep -q 'DejaVuSans.ttf' <<<"$fonts" || fail "no chart font registered: $fonts"
valid="$(run "$image" runbooks validate /app/runbooks)"
grep -q '^ok: 5 runbooks valid' <<<"$valid" || fail "runbooks: $valid"
run --read-only --tmpfs /tmp -v "$out:/out" "$image" demo --chart /out/chart.png --no-runbook >"$out/demo.txt"
[ -s "$out/chart.png" ] || fail "demo wrote no chart: $(tail -5 "$out/demo.txt")"
echo "check-image: ok: uid 1000; $(head -1 <<<"$kubectl"); fonts $fonts; ${valid%% in *}; chart $(wc -c <"$out/chart.png") bytes" >&2
