#!/usr/bin/env bash
# Agent: cold collection into files. Runs `backpack --tags $TAGS` (default common) into files RUNS times
# (default 10) per JVM setting, each a fresh JVM, interleaved (one run of every setting per round, so a
# shared machine's load hits all settings alike), and records wall time and peak RSS with /usr/bin/time -v.
# Settings: the plain `java -jar`, the image's JVM flags without an archive, and the launcher
# agent/target/backpack (those flags + the AppCDS archive `mvn package` trained). BASELINE=<dir> adds a
# row for another build's launcher dir (backpack, backpack.jar, backpack.jsa), e.g. before a change.
# "x plain" is the median of each round's ratio to the plain run of the same round.
# Writes the table into docs/benchmarks.md, section "Agent: cold collection into files" (TAGS=common)
# or "Agent: cold collection into files, --tags all".
# Usage: bench/agent-files.sh            (builds the jar and launcher first if they are missing)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
TAGS=${TAGS:-common}
JAR=agent/target/backpack.jar
LAUNCHER=agent/target/backpack
DOC=docs/benchmarks.md
SECTION="## Agent: cold collection into files"
[[ "$TAGS" == common ]] || SECTION="$SECTION, --tags $TAGS"

if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (/usr/bin/time)"; apt-get install -y time >/dev/null
fi
if [[ ! -f "$JAR" || ! -x "$LAUNCHER" ]]; then
  mvn -B -q -pl agent -am package -DskipTests
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
IMAGE_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
declare -A VARIANTS=(
  [1-plain]="java -jar $JAR"
  [2-image-flags]="java $IMAGE_FLAGS -jar $JAR"
  [3-launcher]="$LAUNCHER"
)
[[ -n "${BASELINE:-}" ]] && VARIANTS[4-baseline]="$BASELINE/backpack"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results="$work/results.tsv"
for i in $(seq 1 "$RUNS"); do
  for variant in $(printf '%s\n' "${!VARIANTS[@]}" | sort); do
    out="$work/$variant-$i"
    # shellcheck disable=SC2086
    /usr/bin/time -v ${VARIANTS[$variant]} --tags "$TAGS" -u "bench-$i" -n bench --output "$out" \
      >"$work/stdout" 2>"$work/time" || { echo "run failed:"; cat "$work/time"; exit 1; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    echo -e "$variant\t$i\t$wall\t$rss" >>"$results"
    rm -rf "$out"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$results" "$DOC" "$SECTION" "$RUNS" "$load_before" "$load_after" "$IMAGE_FLAGS" "$TAGS" "$work/stdout" <<'PY'
import statistics, sys, os, re, datetime, platform, subprocess
results, doc, section, runs, load_before, load_after, image_flags, tags, last_stdout = sys.argv[1:]
def seconds(text):
    s = 0.0
    for p in text.split(":"):
        s = s * 60 + float(p)
    return s
rows, by_round = {}, {}
for line in open(results):
    variant, i, wall, rss = line.rstrip("\n").split("\t")
    rows.setdefault(variant, []).append((seconds(wall), int(rss) / 1024))
    by_round.setdefault(i, {})[variant] = seconds(wall)
cores = os.cpu_count()
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
labels = {
    "1-plain": "`java -jar agent/target/backpack.jar`",
    "2-image-flags": f"`java {image_flags} -jar`, no archive",
    "3-launcher": "`agent/target/backpack` (README command: those flags + AppCDS archive)",
    "4-baseline": "baseline build's launcher (before this change)",
}
table = ["| JVM settings | runs | wall min | wall median | wall max | x plain (paired) | peak RSS median | peak RSS max |",
         "|---|---|---|---|---|---|---|---|"]
for variant in sorted(rows):
    walls = [w for w, _ in rows[variant]]
    rss = [r for _, r in rows[variant]]
    ratio = statistics.median(r[variant] / r["1-plain"] for r in by_round.values())
    table.append(f"| {labels[variant]} | {len(walls)} | {min(walls):.2f} s | {statistics.median(walls):.2f} s | "
                 f"{max(walls):.2f} s | {ratio:.2f} | {statistics.median(rss):.0f} MiB | {max(rss):.0f} MiB |")
skipped = [l.strip() for l in open(last_stdout) if re.search(r"\d+ ms +skipped", l)]
skip_text = ""
if skipped:
    skip_text = "\nModules skipped on this machine (with their reason, last run):\n\n" + "\n".join(
        f"- `{re.sub(r' +', ' ', l)}`" for l in skipped) + "\n"
body = f"""{section}

`TAGS={tags} bench/agent-files.sh`: `backpack --tags {tags}` into files, {runs} rounds, each round one cold
JVM per row in turn (wall time and peak RSS of the whole process from `/usr/bin/time -v`).

Measured {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {cores} cores,
{java}, {platform.machine()}; load average before {load_before}, after {load_after}
(a load above the core count means other work shared the CPUs and the times are pessimistic; the
paired ratio is the figure to compare).

""" + "\n".join(table) + "\n" + skip_text
text = open(doc).read() if os.path.exists(doc) else "# Benchmarks\n"
pattern = re.compile(re.escape(section) + r"\n.*?(?=\n## |\Z)", re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: body.rstrip("\n") + "\n", text)
else:
    text = text.rstrip("\n") + "\n\n" + body
open(doc, "w").write(text if text.endswith("\n") else text + "\n")
print("\n".join(table))
PY
echo "written to $DOC"
