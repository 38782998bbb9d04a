#!/usr/bin/env bash
# Scale benchmarks on this machine, with real servers where a user has them:
#  - Operator: N Benchmarks created at once against fabric8's CRUD mock API (the real operator in-process):
#    time until every one has its workload and status, p50/p99 per Benchmark, heap after.
#  - Fleet: N simulated nodes x 5 racing agents (the agent library in threads) against one real Redis and
#    one real OpenSearch: total time, documents per second, collections (must equal N), duplicates (must be 0).
# Writes both tables into docs/benchmarks.md and draws docs/bench-operator.png and docs/bench-fleet.png.
# Usage: bench/scale.sh [operator sizes, default 100,250,500,1000] [fleet sizes, default 10,100,250,1000]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
operator_sizes=${1:-100,250,500,1000}
fleet_sizes=${2:-10,100,250,1000}
out=e2e/target/bench
mkdir -p "$out"
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

mvn -B -q install -DskipTests
mvn -B -q -pl e2e test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$root/$out/classpath.txt"
cp="e2e/target/test-classes:$(cat "$out/classpath.txt")"
props=(-Djava.util.logging.config.file=e2e/src/test/resources/logging.properties
       -Dbackpack.chartCrd=charts/backpack/crds/benchmarks.ripsaw.cloudbulldozer.io-v1.yml
       -Dbackpack.opensearch.home="$root/e2e/target/servers/opensearch-$(mvn -B -q help:evaluate -Dexpression=opensearch.server.version -DforceStdout)"
       -Dbackpack.elasticsearch.home=unused)

java -Xmx1g "${props[@]}" -cp "$cp" dev.backpack.e2e.bench.OperatorScaleBench "$operator_sizes" | grep -E '^[0-9a-z_,.]+$' | tee "$out/operator.csv"
java -Xmx1g "${props[@]}" -cp "$cp" dev.backpack.e2e.bench.FleetBench "$fleet_sizes" 5 32 | grep -E '^[0-9a-z_,.]+$' | tee "$out/fleet.csv"

java "${props[@]}" -cp "$cp" dev.backpack.e2e.bench.CsvChart "$out/operator.csv" docs/bench-operator.png \
    "Operator: Benchmarks created at once" "Benchmarks" "milliseconds per Benchmark" p50_ms p99_ms
java "${props[@]}" -cp "$cp" dev.backpack.e2e.bench.CsvChart "$out/fleet.csv" docs/bench-fleet.png \
    "Fleet: 5 agents racing per node, one Redis, one OpenSearch" "nodes" "seconds" total_s

table() { # csv -> markdown
    python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
print("| " + " | ".join(rows[0]) + " |")
print("|" + "---:|" * len(rows[0]))
for r in rows[1:]:
    print("| " + " | ".join(r) + " |")
PY
}

section="<!-- scale:start -->
Measured by \`bench/scale.sh\` on $(date -u +%Y-%m-%d) ($(nproc) CPUs, load average before $load,
$(java -version 2>&1 | head -1)).

### Operator: Benchmarks created at once

The real operator in-process against fabric8's CRUD mock API server (which serialises every request, so
this measures the operator and the mock together). Done = the Benchmark has its uuid, its state and its
workload Job. Heap is the whole JVM's (operator, mock server and its stored objects) after a GC.

$(table "$out/operator.csv")

![operator latency per Benchmark](bench-operator.png)

### Fleet: one Redis, one OpenSearch

Each simulated node is collected by 5 agents racing for its Redis claim (the agent library in 32
threads, modules: cpu, memory, kernel, cpu_vulnerabilities, network, block). \`collections\` must equal
the node count and \`duplicate_documents\` must be 0.

$(table "$out/fleet.csv")

![fleet total time by node count](bench-fleet.png)
<!-- scale:end -->"

doc=docs/benchmarks.md
if grep -q '<!-- scale:start -->' "$doc"; then
    python3 - "$doc" "$section" <<'PY'
import sys
path, section = sys.argv[1:]
text = open(path).read()
a, b = text.index("<!-- scale:start -->"), text.index("<!-- scale:end -->") + len("<!-- scale:end -->")
open(path, "w").write(text[:a] + section + text[b:])
PY
else
    printf '\n## Scale: operator and fleet\n\n%s\n' "$section" >> "$doc"
fi
echo "updated $doc"
