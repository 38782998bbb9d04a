#!/usr/bin/env bash
# Agent: cold collection into files. Runs `java -jar agent/target/backpack.jar --tags common` into
# files RUNS times (default 10), each in a fresh JVM, and records wall time and peak RSS with
# /usr/bin/time -v. Three JVM settings are measured: the README command as is, the flags the agent
# image uses (C1 only, serial GC), and those flags plus an AppCDS archive made by one training run.
# Writes min/median/max into docs/benchmarks.md, section "Agent: cold collection into files".
# Usage: bench/agent-files.sh            (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
JAR=agent/target/backpack.jar
DOC=docs/benchmarks.md
SECTION="## Agent: cold collection into files"

if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (/usr/bin/time)"; apt-get install -y time >/dev/null
fi
if [[ ! -f "$JAR" ]]; then
  mvn -B -q -pl agent -am install -DskipTests
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
IMAGE_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# One training run writes the class list of a real collection into an AppCDS archive (JDK 17).
java $IMAGE_FLAGS -XX:ArchiveClassesAtExit="$work/backpack.jsa" -jar "$JAR" --tags common -u train -n bench \
  --output "$work/train" >/dev/null 2>&1

declare -A VARIANTS=(
  [1-plain]=""
  [2-image-flags]="$IMAGE_FLAGS"
  [3-image-flags+appcds]="$IMAGE_FLAGS -XX:SharedArchiveFile=$work/backpack.jsa"
)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results="$work/results.tsv"
for variant in $(printf '%s\n' "${!VARIANTS[@]}" | sort); do
  flags=${VARIANTS[$variant]}
  for i in $(seq 1 "$RUNS"); do
    out="$work/$variant-$i"
    # shellcheck disable=SC2086
    /usr/bin/time -v java $flags -jar "$JAR" --tags common -u "bench-$i" -n bench --output "$out" \
      >"$work/stdout" 2>"$work/time" || { echo "run failed:"; cat "$work/time"; exit 1; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    echo -e "$variant\t$wall\t$rss" >>"$results"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$results" "$DOC" "$SECTION" "$RUNS" "$load_before" "$load_after" "$IMAGE_FLAGS" <<'PY'
import statistics, sys, os, re, datetime, platform, subprocess
results, doc, section, runs, load_before, load_after, image_flags = sys.argv[1:]
def seconds(text):
    parts = [float(p) for p in text.split(":")]
    s = 0.0
    for p in parts:
        s = s * 60 + p
    return s
rows = {}
for line in open(results):
    variant, wall, rss = line.rstrip("\n").split("\t")
    rows.setdefault(variant, []).append((seconds(wall), int(rss) / 1024))
cores = os.cpu_count()
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
labels = {
    "1-plain": "`java -jar` (README command)",
    "2-image-flags": f"`{image_flags}`",
    "3-image-flags+appcds": f"`{image_flags}` + AppCDS archive",
}
table = ["| JVM settings | runs | wall min | wall median | wall max | peak RSS min | peak RSS median | peak RSS max |",
         "|---|---|---|---|---|---|---|---|"]
for variant in sorted(rows):
    walls = [w for w, _ in rows[variant]]
    rss = [r for _, r in rows[variant]]
    table.append(f"| {labels[variant]} | {len(walls)} | {min(walls):.2f} s | {statistics.median(walls):.2f} s | "
                 f"{max(walls):.2f} s | {min(rss):.0f} MiB | {statistics.median(rss):.0f} MiB | {max(rss):.0f} MiB |")
body = f"""{section}

`bench/agent-files.sh`: `backpack --tags common` into files, {runs} runs per row, each a cold JVM
(wall time and peak RSS of the whole process from `/usr/bin/time -v`). Target: median under 1.5 s
and under 200 MiB on 2 cores.

Measured {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {cores} cores,
{java}, {platform.machine()}; load average before {load_before}, after {load_after}
(a load above the core count means other work shared the CPUs and the times are pessimistic).

""" + "\n".join(table) + "\n"
text = open(doc).read() if os.path.exists(doc) else "# Benchmarks\n"
pattern = re.compile(re.escape(section) + r"\n.*?(?=\n## |\Z)", re.S)
if pattern.search(text):
    text = pattern.sub(body.rstrip("\n"), text)
else:
    text = text.rstrip("\n") + "\n\n" + body
open(doc, "w").write(text if text.endswith("\n") else text + "\n")
print("\n".join(table))
PY
echo "written to $DOC"
