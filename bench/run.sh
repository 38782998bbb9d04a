#!/usr/bin/env bash
# The whole benchmark suite, on demand (not in CI): each script measures on this machine and rewrites its
# own section of docs/benchmarks.md. Takes roughly 15-30 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# package, never install: ~/.m2 may be shared with other checkouts (scale.sh builds its own classpath).
mvn -B -q package -DskipTests
bench/agent-files.sh
bench/agent-search.sh
bench/operator-render.sh
bench/scale.sh "$@"
bench/diff.sh
