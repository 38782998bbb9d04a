#!/bin/sh
# Package phase, after the shaded jar: installs the launcher next to it and trains its AppCDS archive on
# the two paths a pod takes: a real collection of this machine (`--tags common` into a scratch folder),
# so the collectors', the documents' and the file sink's classes are in it, not only picocli's; and a
# de-duplicated run (Redis says "Metadata-Exists", the index check finds the documents), against the
# stand-ins of CdsTrainingServers.java, so Jedis's and the index check's classes are in it too. The
# classes of both are kept in backpack.classlist, which the image build trains on again with its own JVM.
# Like the image build, a failed module, a missing stand-in or a JVM that cannot write archives leaves a
# smaller archive or none, and the launcher runs without one.
# Usage: launcher.sh <src/main/sh/backpack> <target dir>
set -eu
here=$(dirname "$0")
target=$2
cp "$1" "$target/backpack"
chmod 0755 "$target/backpack"
rm -f "$target/backpack.jsa" "$target/backpack.classlist"
log=$target/cds-training.log
: >"$log"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# The de-duplicated run, while the stand-ins serve (they stop when their standard input closes); it only
# records its classes: the collection below adds its own and dumps the archive once.
fifo=$target/cds-training.stdin
rm -f "$fifo" && mkfifo "$fifo"
"$JAVA" "$here/CdsTrainingServers.java" <"$fifo" >"$target/cds-training.ports" 2>>"$log" &
exec 3>"$fifo"
ports=
for _ in $(seq 1 300); do
  ports=$(cat "$target/cds-training.ports" 2>/dev/null || true)
  [ -z "$ports" ] || break
  kill -0 $! 2>/dev/null || break
  sleep 0.1
done
if [ -n "$ports" ]; then
  set -- $ports
  BACKPACK_CDS_CLASSES="$target/backpack.classlist" BACKPACK_CDS_TRAIN=record "$target/backpack" --tags common \
    -u cds-training -n cds-training -s "http://127.0.0.1:$2" --redisip 127.0.0.1 --redisport "$1" \
    --termination-log "$target/cds-training.termination-log" >>"$log" 2>&1 || true
else
  echo "the training stand-ins did not start; the archive holds the collection's classes only" >>"$log"
fi
exec 3>&-
wait || true
rm -f "$fifo" "$target/cds-training.ports" "$target/cds-training.termination-log"

BACKPACK_CDS_CLASSES="$target/backpack.classlist" BACKPACK_CDS_TRAIN=1 "$target/backpack" --tags common \
  -u cds-training -n cds-training --output "$target/cds-training" \
  --termination-log "$target/cds-training/termination-log" >>"$log" 2>&1 || true
rm -rf "$target/cds-training"
test -s "$target/backpack.jsa" || { rm -f "$target/backpack.jsa"; echo "no AppCDS archive (see $log); the launcher runs without one"; }
