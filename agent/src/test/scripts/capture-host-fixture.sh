#!/usr/bin/env bash
# Copies the parts of this machine's /proc, /sys and /etc that the collectors read into a small fixture
# tree: agent/src/test/resources/hosts/<name>/. Real files, so parsers meet real kernel output.
# /proc/sys is cut to a few hundred keys to keep the fixture small; serial numbers are not copied.
# Usage: capture-host-fixture.sh <name> [source-root]
set -euo pipefail
name=${1:?usage: capture-host-fixture.sh <name> [source-root]}
src=${2:-/}
dest="$(cd "$(dirname "$0")/../resources/hosts" && pwd)/$name"
rm -rf "$dest"
mkdir -p "$dest"

copy() { # copy <absolute path>: regular files only, skipped when unreadable
  local f=$1
  local from="${src%/}$f"
  [[ -f "$from" && -r "$from" ]] || return 0
  mkdir -p "$dest$(dirname "$f")"
  cat "$from" > "$dest$f" 2>/dev/null || rm -f "$dest$f"
}
copy_glob() {
  local g f
  for g in "$@"; do
    for f in ${src%/}$g; do
      if [[ -e "$f" ]]; then copy "${f#"${src%/}"}"; fi
    done
  done
}

copy_glob /proc/cpuinfo /proc/meminfo /proc/cmdline /proc/modules /proc/1/mounts /etc/os-release
copy_glob /proc/1/net/dev /proc/1/net/fib_trie /proc/1/net/route /proc/1/net/if_inet6
copy_glob /proc/sys/kernel/hostname /proc/sys/kernel/osrelease /proc/sys/kernel/ostype /proc/sys/kernel/version
copy_glob '/proc/sys/vm/*' '/proc/sys/net/core/*' '/proc/sys/kernel/sched_*' '/proc/sys/kernel/pid_max' \
  '/proc/sys/kernel/threads-max' '/proc/sys/fs/file-max' '/proc/sys/net/ipv4/tcp_*'
copy_glob /sys/devices/system/cpu/online /sys/devices/system/cpu/possible /sys/devices/system/cpu/present
copy_glob '/sys/devices/system/cpu/vulnerabilities/*'
copy_glob '/sys/devices/system/cpu/cpu[0-9]*/topology/physical_package_id' '/sys/devices/system/cpu/cpu[0-9]*/topology/core_id' \
  '/sys/devices/system/cpu/cpu[0-9]*/topology/die_id'
for attr in level type size ways_of_associativity coherency_line_size shared_cpu_list; do
  copy_glob "/sys/devices/system/cpu/cpu[0-9]*/cache/index[0-9]/$attr"
done
copy_glob '/sys/devices/system/cpu/cpu0/cpufreq/*'
copy_glob '/sys/devices/system/node/node[0-9]*/cpulist' '/sys/devices/system/node/node[0-9]*/meminfo'
copy_glob '/sys/kernel/mm/hugepages/hugepages-*/*'
for attr in vendor device class subsystem_vendor subsystem_device revision uevent numa_node; do
  copy_glob "/sys/bus/pci/devices/*/$attr"
done
for attr in address mtu operstate carrier speed duplex type tx_queue_len device/uevent device/sriov_totalvfs device/sriov_numvfs; do
  copy_glob "/sys/class/net/*/$attr"
done
for attr in size removable ro device/model device/vendor queue/rotational queue/scheduler queue/logical_block_size \
  queue/physical_block_size queue/nr_requests '*/partition' '*/start' '*/size'; do
  copy_glob "/sys/block/*/$attr"
done
for attr in bios_vendor bios_version bios_date bios_release sys_vendor product_name product_version product_family \
  board_vendor board_name board_version chassis_vendor chassis_type chassis_version; do
  copy_glob "/sys/class/dmi/id/$attr"
done
# Ids can point at a real machine; the MAC of a captured NIC is replaced with a documentation-range one.
for f in "$dest"/sys/class/net/*/address; do
  if [[ -f "$f" && "$(cat "$f")" != 00:00:00:00:00:00 ]]; then echo "02:00:5e:10:00:01" > "$f"; fi
done
echo "captured $(find "$dest" -type f | wc -l) files, $(du -sh "$dest" | cut -f1) into $dest"
