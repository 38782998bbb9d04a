#!/usr/bin/env bash
# The fleet with the server and the agents on separate CPUs: OpenSearch on CPU 0, the fleet JVM (its
# 5 x nodes agents in threads, and the raw `_bulk` baseline it sends) on CPU 1. On a shared 2-core
# machine (bench/scale.sh) the agents' own work (collectors, ids, bulk building) takes CPU from the
# server, which raw `_bulk` does not pay; here the server has the same one CPU in both halves of a row,
# as it would on a cluster where every agent runs on its own node. Prints FleetBench's CSV; writes no docs.
# Usage: bench/fleet-pinned.sh [fleet sizes, default 1000]   (needs taskset and pgrep, and 2+ CPUs)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=${1:-1000}
out=e2e/target/bench
mkdir -p "$out"
[ "$(nproc)" -ge 2 ] || { echo "needs 2 CPUs" >&2; exit 1; }
mvn -B -q -pl e2e -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/$out/classpath.txt"
cp="e2e/target/test-classes:$(cat "$out/classpath.txt")"
# OpenSearch is started by the bench as its child, so it first inherits CPU 1: move every thread of it to
# CPU 0 as soon as it appears (threads it starts later inherit that).
( while sleep 0.2; do
    for pid in $(pgrep -f org.opensearch.bootstrap.OpenSearch || true); do taskset -a -p -c 0 "$pid" >/dev/null 2>&1 || true; done
  done ) &
pinner=$!
trap 'kill $pinner 2>/dev/null || true' EXIT
taskset -c 1 java -Xmx1g -Djava.util.logging.config.file=e2e/src/test/resources/logging.properties \
    -Dbackpack.opensearch.home="$(ls -d "$root"/e2e/target/servers/opensearch-*/ | head -1)" \
    -Dbackpack.chartCrd=charts/backpack/crds/benchmarks.ripsaw.cloudbulldozer.io-v1.yml -Dbackpack.elasticsearch.home=unused \
    -cp "$cp" dev.backpack.e2e.bench.FleetBench "$sizes" 5 32 \
  | tee "$out/fleet-pinned.log" | grep -E '^[0-9a-z_,.]+$'
