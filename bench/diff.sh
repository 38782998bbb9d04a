#!/usr/bin/env bash
# `backpack diff` of two N-node runs from a real OpenSearch (the e2e module's integ-test zip, started by
# the bench): one real collection of this machine (the fleet bench's modules by default) bulk-loaded as
# N nodes per run, every 100th node of the second run changed; the real jar measured under GNU time
# (wall time, peak RSS), with the default heap and with -Xmx64m (memory must not grow with the nodes).
# Writes its table into docs/benchmarks.md, section "`backpack diff`: two 1,000-node runs from OpenSearch".
# Usage: bench/diff.sh [sizes, default 100,1000] [modules, default cpu,memory,kernel,cpu_vulnerabilities,network,block]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=${1:-100,1000}
modules=${2:-cpu,memory,kernel,cpu_vulnerabilities,network,block}
out=e2e/target/bench
DOC=docs/benchmarks.md
SECTION='## `backpack diff`: two 1,000-node runs from OpenSearch'
mkdir -p "$out"

if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (/usr/bin/time)"; apt-get install -y time >/dev/null
fi
# Reactor builds only: nothing goes into the shared ~/.m2.
mvn -B -q -pl agent -am package -DskipTests
mvn -B -q -pl e2e -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/$out/diff-classpath.txt"
cp="e2e/target/test-classes:$(cat "$out/diff-classpath.txt")"
os_home=$(ls -d "$root"/e2e/target/servers/opensearch-*/ | head -1)
os_version=$(basename "$os_home" | sed 's/^opensearch-//')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java -Xmx1g -Djava.util.logging.config.file=e2e/src/test/resources/logging.properties \
    -Dbackpack.opensearch.home="$os_home" \
    -Dbackpack.elasticsearch.home=unused \
    -cp "$cp" dev.backpack.e2e.bench.DiffBench "$sizes" "$modules" agent/target/backpack.jar \
    | grep -E '^([0-9]+|nodes),' | tee "$out/diff.csv"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$out/diff.csv" "$DOC" "$SECTION" "$load_before" "$load_after" "$os_version" <<'PY'
import csv, sys, re, datetime, os
results, doc, section, load_before, load_after, os_version = sys.argv[1:]
rows = list(csv.DictReader(open(results)))
cpus = os.cpu_count()
lines = [section, "",
    "Two runs of N nodes each in one real OpenSearch " + os_version + " (512 MiB heap, this machine): the documents of one real",
    "collection of this machine (modules: " + rows[0]["modules"] + ", the fleet bench's; "
    + rows[0]["documents_per_run"] + " documents per node) indexed as N nodes per run, every 100th node of the",
    "second run changed (a CPU flag removed, a vulnerability status changed). `java -jar agent/target/backpack.jar",
    "diff A B -s <url> --json`, one fresh JVM per row, under GNU time. `-Xmx64m` shows memory does not grow with the",
    "number of nodes: the diff holds one node of each run at a time.",
    "",
    "| nodes per run | documents per run | JVM heap | wall time | peak RSS | differences found / made | exit code |",
    "|---|---|---|---|---|---|---|"]
for r in rows:
    docs = int(r["documents_per_run"]) * int(r["nodes"])
    lines.append(f"| {int(r['nodes']):,} | {docs:,} | {r['heap']} | {r['wall_s']} s | {r['peak_rss_mib']} MiB | "
                 f"{r['differences']} / {r['expected']} | {r['exit_code']} |")
lines += ["",
    f"Measured {datetime.date.today().isoformat()} by `bench/diff.sh`, once, on a shared, noisy machine ({cpus} cores "
    f"used by several builds at once; load average {load_before} before, {load_after} after): read the numbers as an "
    "order of magnitude, not a precise figure.", ""]
text = open(doc).read()
start = text.find(section)
if start < 0:
    text = text.rstrip("\n") + "\n\n" + "\n".join(lines)
else:
    nxt = re.search(r"^## ", text[start + len(section):], re.M)
    end = start + len(section) + nxt.start() if nxt else len(text)
    text = text[:start] + "\n".join(lines) + ("\n" if nxt else "") + text[end:]
open(doc, "w").write(text)
PY
echo "wrote the table into $DOC"
