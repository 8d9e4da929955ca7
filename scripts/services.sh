#!/usr/bin/env bash
# Local services for tests, benchmarks and development, on 127.0.0.1 only.
#
#   scripts/services.sh start elasticsearch   # downloads (once, cached in .cache/) and starts ES 9
#   scripts/services.sh status [elasticsearch]
#   scripts/services.sh stop [elasticsearch]
#
# Elasticsearch: the integ-test server zip from Maven Central (no bundled JDK, core modules only),
# run with a Java 21+ JDK as the unprivileged user `causeway` (ES refuses root), single node,
# security off, 512 MB heap, data in a temp dir. Prints `ES_URL=http://127.0.0.1:<port>` when up.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache"
run="${CAUSEWAY_SERVICES_DIR:-/tmp/causeway-services}"
es_version="${ES_VERSION:-9.5.3}"
es_port="${ES_PORT:-19200}"
svc_user="${CAUSEWAY_SERVICE_USER:-causeway}"

die() { echo "services.sh: $*" >&2; exit 1; }

java_home() {
  for j in "${ES_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -n "$j" ] && [ -x "$j/bin/java" ] && { echo "$j"; return; }
  done
  die "no Java 21+ JDK found (set ES_JAVA_HOME)"
}

ensure_user() {
  id "$svc_user" >/dev/null 2>&1 && return
  [ "$(id -u)" = 0 ] || die "user $svc_user does not exist and we are not root to create it"
  useradd --system --no-create-home --shell /usr/sbin/nologin "$svc_user"
}

as_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$svc_user" -- "$@"; else "$@"; fi
}

es_home() { echo "$cache/es/elasticsearch-$es_version"; }

es_fetch() {
  local zip="$cache/es/elasticsearch-$es_version.zip"
  mkdir -p "$cache/es"
  if [ ! -f "$zip" ]; then
    echo "fetching Elasticsearch $es_version (integ-test zip) from Maven Central ..." >&2
    if command -v mvn >/dev/null 2>&1; then
      mvn -q dependency:copy -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$es_version:zip" -DoutputDirectory="$cache/es" >&2 ||
        curl -fsSL -o "$zip" "https://repo1.maven.org/maven2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$es_version/elasticsearch-$es_version.zip"
    else
      curl -fsSL -o "$zip" "https://repo1.maven.org/maven2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$es_version/elasticsearch-$es_version.zip"
    fi
  fi
  if [ ! -x "$(es_home)/bin/elasticsearch" ]; then
    (cd "$cache/es" && unzip -q -o "elasticsearch-$es_version.zip")
  fi
  chmod -R o+rX "$cache/es"
  # The service user must be able to reach the files.
  local d="$cache"; while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
}

es_up() { curl -fs -m 2 "http://127.0.0.1:$es_port/_cluster/health" >/dev/null 2>&1; }

es_start() {
  if es_up; then echo "ES_URL=http://127.0.0.1:$es_port"; return; fi
  ensure_user
  es_fetch
  local dir="$run/elasticsearch"
  rm -rf "$dir"; mkdir -p "$dir/data" "$dir/logs" "$dir/config"
  cp -r "$(es_home)/config/." "$dir/config/"
  sed -i 's/^-Xm[sx].*//' "$dir/config/jvm.options"
  cat >> "$dir/config/elasticsearch.yml" <<YML
cluster.name: causeway-local
node.name: causeway-local
network.host: 127.0.0.1
http.port: $es_port
transport.port: $((es_port + 100))
discovery.type: single-node
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
path.data: $dir/data
path.logs: $dir/logs
YML
  chown -R "$svc_user" "$dir"
  as_user env ES_JAVA_HOME="$(java_home)" ES_PATH_CONF="$dir/config" ES_JAVA_OPTS="-Xms512m -Xmx512m" \
    "$(es_home)/bin/elasticsearch" -d -p "$dir/es.pid" >"$dir/stdout.log" 2>&1 || { tail -20 "$dir/stdout.log" >&2; die "elasticsearch did not start"; }
  for _ in $(seq 1 120); do es_up && { echo "ES_URL=http://127.0.0.1:$es_port"; return; }; sleep 1; done
  tail -20 "$dir/logs/"*.log >&2 || true
  die "elasticsearch did not become ready within 120 s"
}

es_stop() {
  local pidf="$run/elasticsearch/es.pid"
  if [ -f "$pidf" ]; then
    local pid; pid="$(cat "$pidf")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidf"
  fi
  echo "elasticsearch stopped"
}

es_status() { if es_up; then echo "elasticsearch: up (ES_URL=http://127.0.0.1:$es_port)"; else echo "elasticsearch: down"; return 1; fi; }

cmd="${1:-}"; svc="${2:-elasticsearch}"
case "$cmd:$svc" in
  start:elasticsearch) es_start ;;
  stop:elasticsearch) es_stop ;;
  status:elasticsearch) es_status ;;
  fetch:elasticsearch) es_fetch ;;
  *) echo "usage: scripts/services.sh start|stop|status|fetch [elasticsearch]" >&2; exit 2 ;;
esac
