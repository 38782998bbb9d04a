#!/usr/bin/env bash
# Two agent jars, cold `--tags common` into files, in interleaved pairs (ABBA order, so drift in the
# machine's load hits both alike): for a change that must not slow the common path down.
# Prints the median and spread of wall time, CPU time (user+sys, less sensitive to other load on the
# machine) and peak RSS of each jar.
# Usage: RUNS=15 [JAVA_OPTS="-XX:TieredStopAtLevel=1 ..."] bench/agent-jar-pair.sh before.jar after.jar [agent flags]
set -euo pipefail
A=$1 B=$2
shift 2
RUNS=${RUNS:-15}
if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (/usr/bin/time)"; apt-get install -y time >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # jar label i
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" java ${JAVA_OPTS:-} -jar "$1" --tags common -u "pair-$3" -n bench \
    --output "$work/out-$2-$3" "${@:4}" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  echo "$2 $(cat "$work/t")" >>"$work/results"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq 1 "$RUNS"); do
  if (( i % 2 )); then run "$A" A "$i" "$@"; run "$B" B "$i" "$@"; else run "$B" B "$i" "$@"; run "$A" A "$i" "$@"; fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$work/results" "$A" "$B" "$RUNS" "$load_before" "$load_after" <<'PY'
import os, statistics, sys
results, a, b, runs, lb, la = sys.argv[1:]
rows = {"A": [], "B": []}
for line in open(results):
    label, wall, user, sys_, rss = line.split()
    rows[label].append((float(wall), float(user) + float(sys_), int(rss) / 1024))
print(f"{runs} pairs, JVM options: {os.environ.get('JAVA_OPTS') or 'none'}, load average before {lb}, after {la}\n")
print("| jar | wall median | wall min-max | CPU median | CPU min-max | peak RSS median |")
print("|---|---|---|---|---|---|")
for label, jar in (("A", a), ("B", b)):
    w = [r[0] for r in rows[label]]; c = [r[1] for r in rows[label]]; m = [r[2] for r in rows[label]]
    print(f"| {jar} | {statistics.median(w):.2f} s | {min(w):.2f}-{max(w):.2f} s | {statistics.median(c):.2f} s | "
          f"{min(c):.2f}-{max(c):.2f} s | {statistics.median(m):.0f} MiB |")
PY
