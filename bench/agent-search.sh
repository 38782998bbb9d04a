#!/usr/bin/env bash
# Benchmark: cold `backpack --tags common` indexing into a local OpenSearch with Redis de-duplication,
# then the same uuid again (the de-duplicated path). Median wall time and max RSS of the agent JVM.
# Writes the table into docs/benchmarks.md, section "Agent: into OpenSearch with Redis".
#
# Usage: bench/agent-search.sh [runs]            (default 5 runs per row)
# Reuses servers when given: BACKPACK_BENCH_OPENSEARCH=http://host:port  BACKPACK_BENCH_REDIS=host:port
# Runs the launcher agent/target/backpack (the README command: the image's JVM flags and AppCDS archive).
# Needs: agent/target/backpack (mvn -B -pl agent -am package -DskipTests), GNU time, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-5}
LAUNCHER=$ROOT/agent/target/backpack
WORK=$(mktemp -d /tmp/backpack-bench.XXXXXX)
chmod 755 "$WORK"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -x "$LAUNCHER" ] || { echo "missing $LAUNCHER: run mvn -B -pl agent -am package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # url seconds
  for _ in $(seq 1 "$2"); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}

# ---- OpenSearch -----------------------------------------------------------------------------------
if [ -n "${BACKPACK_BENCH_OPENSEARCH:-}" ]; then
  OS_URL=$BACKPACK_BENCH_OPENSEARCH
else
  OS_VERSION=$(sed -n 's:.*<opensearch.server.version>\(.*\)</opensearch.server.version>.*:\1:p' pom.xml)
  OS_SRC=$ROOT/e2e/target/servers/opensearch-$OS_VERSION
  if [ ! -d "$OS_SRC" ]; then
    mvn -B -q -pl e2e -am generate-test-resources >/dev/null
  fi
  cp -a "$OS_SRC" "$WORK/opensearch"
  OS_PORT=$(free_port)
  RUN_AS=()
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody "$WORK/opensearch"
    RUN_AS=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --)
  fi
  OPENSEARCH_JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")} \
  OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m" HOME="$WORK/opensearch" \
    "${RUN_AS[@]}" "$WORK/opensearch/bin/opensearch" -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 \
      -Ehttp.port="$OS_PORT" -Etransport.port="$(free_port)" \
      -Ecluster.routing.allocation.disk.threshold_enabled=false >"$WORK/opensearch.log" 2>&1 &
  PIDS+=($!)
  OS_URL=http://127.0.0.1:$OS_PORT
  wait_for "$OS_URL/_cluster/health?wait_for_status=yellow" 180 || { tail -50 "$WORK/opensearch.log"; exit 1; }
fi

# ---- Redis ----------------------------------------------------------------------------------------
if [ -n "${BACKPACK_BENCH_REDIS:-}" ]; then
  REDIS_HOST=${BACKPACK_BENCH_REDIS%:*}
  REDIS_PORT=${BACKPACK_BENCH_REDIS##*:}
else
  REDIS_BIN=$(command -v redis-server || true)
  if [ -z "$REDIS_BIN" ]; then
    ER_VERSION=$(sed -n 's:.*<embedded-redis.version>\(.*\)</embedded-redis.version>.*:\1:p' pom.xml)
    ER_JAR=$HOME/.m2/repository/com/github/codemonstur/embedded-redis/$ER_VERSION/embedded-redis-$ER_VERSION.jar
    unzip -q -o "$ER_JAR" 'redis-server-6.2.6-v5-linux-amd64' -d "$WORK"
    REDIS_BIN=$WORK/redis-server-6.2.6-v5-linux-amd64
    chmod +x "$REDIS_BIN"
  fi
  REDIS_HOST=127.0.0.1
  REDIS_PORT=$(free_port)
  "$REDIS_BIN" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/"$REDIS_PORT") 2>/dev/null && break; sleep 0.1; done
fi

# ---- runs -----------------------------------------------------------------------------------------
agent() { # uuid -> prints "wall-seconds max-rss-kilobytes cpu-seconds"
  /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" \
    "$LAUNCHER" --tags common -s "$OS_URL" -u "$1" -n bench-node -N bench-pod \
      --redisip "$REDIS_HOST" --redisport "$REDIS_PORT" --termination-log "$WORK/termination-log" \
      >"$WORK/agent.out" 2>"$WORK/agent.err" || { cat "$WORK/agent.err" >&2; exit 1; }
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$WORK/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
: >"$WORK/cold"
for _ in $(seq 1 "$RUNS"); do agent "$(cat /proc/sys/kernel/random/uuid)" >>"$WORK/cold"; done
grep -q '"status":"ok"' "$WORK/termination-log" || { echo "cold run did not index: $(cat "$WORK/termination-log")" >&2; exit 1; }
DOCS=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["indexed"]+s["alreadyPresent"])' "$WORK/termination-log")

SAME=$(cat /proc/sys/kernel/random/uuid)
agent "$SAME" >/dev/null
: >"$WORK/dedup"
for _ in $(seq 1 "$RUNS"); do agent "$SAME" >>"$WORK/dedup"; done
grep -q '"status":"skipped"' "$WORK/termination-log" || { echo "same uuid was not de-duplicated: $(cat "$WORK/termination-log")" >&2; exit 1; }

LOAD_END=$(cut -d' ' -f1 /proc/loadavg)
COLD_S=$(cut -d' ' -f1 "$WORK/cold" | median)
COLD_CPU=$(cut -d' ' -f3 "$WORK/cold" | median)
DEDUP_CPU=$(cut -d' ' -f3 "$WORK/dedup" | median)
COLD_MB=$(cut -d' ' -f2 "$WORK/cold" | median | awk '{printf "%.0f", $1/1024}')
DEDUP_S=$(cut -d' ' -f1 "$WORK/dedup" | median)
DEDUP_MB=$(cut -d' ' -f2 "$WORK/dedup" | median | awk '{printf "%.0f", $1/1024}')
RATIO=$(awk -v d="$DEDUP_S" -v c="$COLD_S" 'BEGIN {printf "%.2f", d/c}')

SECTION=$(cat <<MD
## Agent: into OpenSearch with Redis

\`bench/agent-search.sh $RUNS\` on $(date -u +%Y-%m-%d), $(nproc) cores ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)),
$(java -version 2>&1 | head -1), OpenSearch ${OS_VERSION:-external} (single node, 512m heap) and Redis on loopback.
Each row: median of $RUNS cold \`agent/target/backpack --tags common -s ... --redisip ...\` (the launcher)
processes (wall time, CPU time user+sys and max RSS from GNU time, JVM start included). 1-minute load
average ${LOAD_START} at the start, ${LOAD_END} at the end: on a shared machine wall times are noisy, CPU
times less so.

| run | documents | median wall | median CPU | median max RSS |
|---|---|---|---|---|
| new uuid: collect \`common\` and index | $DOCS | ${COLD_S} s | ${COLD_CPU} s | ${COLD_MB} MB |
| same uuid again: de-duplicated by Redis (checked against the index) | 0 | ${DEDUP_S} s | ${DEDUP_CPU} s | ${DEDUP_MB} MB |

The de-duplicated run takes ${RATIO}x the wall time of a cold run. What it still pays for: the JVM,
the command line, the Redis client, one Redis SET NX + GET, and one \`_count\` on
\`stockpile-results-raw\` over the JDK's HTTP client; no collector runs and the bulk client
(opensearch-java, httpclient5, Jackson) is never started.
MD
)

DOC=$ROOT/docs/benchmarks.md
mkdir -p "$ROOT/docs"
[ -f "$DOC" ] || printf '# Benchmarks\n' >"$DOC"
SECTION="$SECTION" python3 - "$DOC" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"].rstrip() + "\n"
pattern = re.compile(r"^## Agent: into OpenSearch with Redis\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text)
PY
echo "$SECTION"
