#!/usr/bin/env bash
# Makes sure what the test suite needs is on this machine, so that `npm test` passes on a fresh
# one (it is the first step of `npm test`; .ci/run runs exactly `npm test`):
#   - PostgreSQL server binaries (initdb, pg_ctl) for the storage contract suite, unless DATABASE_URL
#     points at a server: Debian package postgresql;
#   - Prometheus Alertmanager for the webhook end-to-end test, unless ALERTMANAGER_BIN names one:
#     Debian package prometheus-alertmanager;
#   - nginx for the compose load balancer test (deploy/compose.yaml's config, run for real), unless
#     NGINX_BIN names one: Debian package nginx-light;
#   - the DejaVu fonts the container image ships, for the chart font tests: Debian fonts-dejavu-core;
#   - Prometheus and promtool for the Prometheus connector tests, unless PROMETHEUS_BIN names one
#     (promtool is then the one next to it, or PROMTOOL_BIN): Debian package prometheus;
#   - python3 for the bench/peers scoring test (stdlib only): Debian package python3;
#   - headless Chromium for the incident page test (driven over the DevTools protocol), unless
#     CHROMIUM_BIN names one: Debian package chromium;
#   - helm v4 for the Helm chart test, unless HELM_BIN names one: built from its Go module by
#     scripts/provision-helm.sh into .cache/bin (no root needed).
# Elasticsearch is fetched by the tests themselves (scripts/services.sh, from Maven Central).
# As root with apt-get, missing packages are installed; otherwise it stops at once and prints the
# one command that installs them.
set -uo pipefail

missing=()
if [ -z "${DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if [ -z "${ALERTMANAGER_BIN:-}" ] && ! command -v prometheus-alertmanager >/dev/null 2>&1 && ! command -v alertmanager >/dev/null 2>&1; then
  missing+=(prometheus-alertmanager)
fi
if [ -z "${PROMETHEUS_BIN:-}" ] && ! { command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; }; then
  missing+=(prometheus)
fi
if ! command -v python3 >/dev/null 2>&1; then
  missing+=(python3)
fi
if [ -z "${CHROMIUM_BIN:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
if [ -z "${NGINX_BIN:-}" ] && [ ! -x /usr/sbin/nginx ] && [ ! -x /usr/bin/nginx ]; then
  missing+=(nginx-light)
fi
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]; then
  missing+=(fonts-dejavu-core)
fi
if [ ${#missing[@]} -gt 0 ]; then
  cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "provision-tests: the tests need ${missing[*]}, which this machine lacks." >&2
    echo "provision-tests: install them with:  sudo sh -c '$cmd'" >&2
    echo "provision-tests: (or set DATABASE_URL / ALERTMANAGER_BIN / PROMETHEUS_BIN / NGINX_BIN / CHROMIUM_BIN to ones you have)" >&2
    exit 1
  fi
  echo "provision-tests: installing ${missing[*]} (Debian packages) for the tests ..." >&2
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "provision-tests: could not install ${missing[*]}; run:  $cmd" >&2
    exit 1
  fi
fi
exec bash "$(dirname "${BASH_SOURCE[0]}")/provision-helm.sh"
