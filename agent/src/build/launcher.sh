#!/bin/sh
# Package phase, after the shaded jar: installs the launcher next to it and trains its AppCDS archive on
# a real collection of this machine (`--tags common` into a scratch folder), so the collectors', the
# documents' and the file sink's classes are in it, not only picocli's. Like the image build, a failed
# module or a JVM that cannot write archives leaves no archive and the launcher runs without one.
# Usage: launcher.sh <src/main/sh/backpack> <target dir>
set -eu
target=$2
cp "$1" "$target/backpack"
chmod 0755 "$target/backpack"
rm -f "$target/backpack.jsa"
BACKPACK_CDS_TRAIN=1 "$target/backpack" --tags common -u cds-training -n cds-training \
  --output "$target/cds-training" --termination-log "$target/cds-training/termination-log" \
  >"$target/cds-training.log" 2>&1 || true
rm -rf "$target/cds-training"
test -s "$target/backpack.jsa" || { rm -f "$target/backpack.jsa"; echo "no AppCDS archive (see $target/cds-training.log); the launcher runs without one"; }
