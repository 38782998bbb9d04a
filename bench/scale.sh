#!/usr/bin/env bash
# Scale benchmarks on this machine, with real servers where a user has them:
#  - Operator: N Benchmarks created at once against fabric8's CRUD mock API (the real operator in-process):
#    time until every one has its workload and status, p50/p99 per Benchmark, heap after.
#  - Fleet: N simulated nodes x 5 racing agents (the agent library in threads) against one real Redis and
#    one real OpenSearch: total time, documents per second, collections (must equal N), duplicates (must be 0).
# Writes both tables into docs/benchmarks.md and draws docs/bench-operator.png and docs/bench-fleet.png.
#  - Fleet under 429s: the same with OpenSearch's write queue cut to FLEET_429_QUEUE (default 2) for
#    FLEET_429_SIZE nodes (default 100): every document must still arrive, each node collected once (a 429
#    is retried until --timeout with the claim kept, docs/delivery.md).
# Builds the e2e test classpath from the reactor (-am, no install: ~/.m2 may be shared with other checkouts).
# Usage: bench/scale.sh [operator sizes, default 100,250,500,1000] [fleet sizes, default 10,100,250,1000]
# FLEET_JFR=<file> records the (first) fleet JVM with JFR.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
operator_sizes=${1:-100,250,500,1000}
fleet_sizes=${2:-10,100,250,1000}
out=e2e/target/bench
mkdir -p "$out"
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# In one reactor the sibling modules resolve to their target/classes; every module writes the file in
# turn and e2e, built last, writes it last.
mvn -B -q -pl e2e -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/$out/classpath.txt"
cp="e2e/target/test-classes:$(cat "$out/classpath.txt")"
props=(-Djava.util.logging.config.file=e2e/src/test/resources/logging.properties
       -Dbackpack.chartCrd=charts/backpack/crds/benchmarks.ripsaw.cloudbulldozer.io-v1.yml
       -Dbackpack.opensearch.home="$(ls -d "$root"/e2e/target/servers/opensearch-*/ | head -1)"
       -Dbackpack.elasticsearch.home=unused)

if [ -z "${SKIP_OPERATOR:-}" ]; then
    java -Xmx1g "${props[@]}" -cp "$cp" dev.backpack.e2e.bench.OperatorScaleBench "$operator_sizes" | grep -E '^[0-9a-z_,.]+$' | tee "$out/operator.csv"
fi
jfr=()
[ -n "${FLEET_JFR:-}" ] && jfr=(-XX:StartFlightRecording=filename="$FLEET_JFR",settings=profile)
java -Xmx1g "${jfr[@]}" "${props[@]}" -cp "$cp" dev.backpack.e2e.bench.FleetBench "$fleet_sizes" 5 32 | tee "$out/fleet.log" | grep -E '^[0-9a-z_,.]+$' | tee "$out/fleet.csv"
java -Xmx1g "${props[@]}" -Dbackpack.search.settings="thread_pool.write.queue_size=${FLEET_429_QUEUE:-2}" -cp "$cp" \
    dev.backpack.e2e.bench.FleetBench "${FLEET_429_SIZE:-100}" 5 32 no-baseline | tee "$out/fleet-429.log" | grep -E '^[0-9a-z_,.]+$' | tee "$out/fleet-429.csv"
python3 - "$out/fleet.csv" "$out/fleet-chart.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["nodes", "fleet_s", "raw_bulk_s", "rerun_s"])
    for r in rows:
        w.writerow([r["nodes"], r["total_s"], r["raw_bulk_s"], r["rerun_s"]])
PY

[ -n "${SKIP_OPERATOR:-}" ] || java "${props[@]}" -cp "$cp" dev.backpack.e2e.bench.CsvChart "$out/operator.csv" \
    docs/bench-operator.png "Operator: Benchmarks created at once" "Benchmarks" "milliseconds per Benchmark" p50_ms p99_ms
java "${props[@]}" -cp "$cp" dev.backpack.e2e.bench.CsvChart "$out/fleet-chart.csv" docs/bench-fleet.png \
    "Fleet: 5 agents racing per node against raw _bulk of the same documents" "nodes" "seconds" fleet_s raw_bulk_s rerun_s

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

$( [ -n "${SKIP_OPERATOR:-}" ] || table "$out/operator.csv")

![operator latency per Benchmark](bench-operator.png)

### Fleet: one Redis, one OpenSearch

Each simulated node is collected by 5 agents racing for its Redis claim (the agent library in 32
threads, modules: cpu, memory, kernel, cpu_vulnerabilities, network, block). \`collections\` must equal
the node count, \`duplicate_documents\` must be 0 and \`documents_in_index\` must be \`documents\` plus
one raw result per node. \`raw_bulk_s\`: the same documents (one node's collection under every node's
name) sent straight to \`_bulk\`, one request per node from 32 threads, bodies built beforehand: the
server's own speed; \`ratio_to_raw_bulk\` = raw_bulk_s / total_s (1.0 = as fast as the server).
\`rerun_s\`: the same fleet again with the same uuid, every agent skipping (\`rerun_collections\` must be
0); its Redis commands per agent
come from \`INFO commandstats\`.

$(table "$out/fleet.csv")

With OpenSearch's write queue cut to ${FLEET_429_QUEUE:-2} (\`thread_pool.write.queue_size\`), so that bulk
requests are refused with 429 and retried:

$(table "$out/fleet-429.csv")

![fleet total time by node count](bench-fleet.png)
<!-- scale:end -->"

doc=docs/benchmarks.md
if [ -n "${SKIP_OPERATOR:-}" ] && grep -q '^### Fleet: one Redis, one OpenSearch' "$doc"; then
    # Only the fleet ran: keep the operator table in the doc, replace the fleet part.
    fleet_rest="${section#*### Fleet: one Redis, one OpenSearch}"
    fleet_part="### Fleet: one Redis, one OpenSearch

Measured by \`SKIP_OPERATOR=1 bench/scale.sh\` on $(date -u +%Y-%m-%d) ($(nproc) CPUs, load average before $load).${fleet_rest}"
    python3 - "$doc" "$fleet_part" <<'PY'
import sys
path, part = sys.argv[1:]
text = open(path).read()
a, b = text.index("### Fleet: one Redis, one OpenSearch"), text.index("<!-- scale:end -->") + len("<!-- scale:end -->")
open(path, "w").write(text[:a] + part + text[b:])
PY
elif grep -q '<!-- scale:start -->' "$doc"; then
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
