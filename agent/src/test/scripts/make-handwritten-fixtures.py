#!/usr/bin/env python3
"""Writes the three hand-written host fixtures under agent/src/test/resources/hosts/:

baremetal-sriov      a 2-socket Xeon server read with privileges: full DMI incl. an SMBIOS table, an
                     Intel E810 NIC with SR-IOV enabled (2 of 128 VFs, one VF netdev), NVMe + HDD,
                     1 GiB hugepages on two NUMA nodes, RHCOS os-release, pci.ids subset.
ubuntu-unprivileged  an Ubuntu cloud VM read from an unprivileged pod: /sys/class/dmi/id without the
                     root-only files (serials, uuid) and an SMBIOS table that cannot be read, a dpkg
                     database, no cpufreq, no NUMA directory.
workstation-hardware a desktop with what the hardware modules read: hwmon chips (coretemp, a Nuvoton
                     super-I/O with fans and voltages), a thermal zone, a laptop-style battery and a
                     mains adapter in power_supply, a USB bus, and two PCI display controllers.

The values follow real machines' sysfs layout (taken from lscpu/lspci/ip/lsblk of such machines);
only ids and serials are made up. Symlinks (driver, virtfn*, physfn) are written as directories with
a uevent file, which the collectors also read, so the tree survives Maven resource copying.
Re-run after changing it: python3 make-handwritten-fixtures.py
"""
import os
import shutil
import struct

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "hosts")


def write(base, path, content, mode="w"):
    full = os.path.join(base, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, mode) as f:
        f.write(content)


def cpu_list(cpus):
    """The kernel's list format: runs become ranges (0-3,8-11)."""
    parts, start, prev = [], None, None
    for c in sorted(cpus):
        if start is None:
            start = prev = c
        elif c == prev + 1:
            prev = c
        else:
            parts.append(f"{start}-{prev}" if prev > start else f"{start}")
            start = prev = c
    if start is not None:
        parts.append(f"{start}-{prev}" if prev > start else f"{start}")
    return ",".join(parts)


def xeon_cpuinfo(n_cpus, sockets, cores_per_socket):
    flags = ("fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse "
             "sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc art arch_perfmon pebs bts rep_good nopl "
             "xtopology nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 sdbg "
             "fma cx16 xtpr pdcm pcid dca sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c "
             "rdrand lahf_lm abm 3dnowprefetch cpuid_fault epb cat_l3 cdp_l3 invpcid_single intel_ppin ssbd mba ibrs "
             "ibpb stibp ibrs_enhanced tpr_shadow vnmi flexpriority ept vpid ept_ad fsgsbase tsc_adjust bmi1 avx2 "
             "smep bmi2 erms invpcid cqm mpx rdt_a avx512f avx512dq rdseed adx smap clflushopt clwb intel_pt "
             "avx512cd avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves cqm_llc cqm_occup_llc cqm_mbm_total "
             "cqm_mbm_local dtherm ida arat pln pts pku ospke avx512_vnni md_clear flush_l1d arch_capabilities")
    blocks = []
    threads = n_cpus // (sockets * cores_per_socket)
    for cpu in range(n_cpus):
        socket = cpu % sockets if threads == 1 else (cpu // cores_per_socket) % sockets
        core = cpu % cores_per_socket
        blocks.append(f"""processor\t: {cpu}
vendor_id\t: GenuineIntel
cpu family\t: 6
model\t\t: 85
model name\t: Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz
stepping\t: 7
microcode\t: 0x5003604
cpu MHz\t\t: 2100.000
cache size\t: 28160 KB
physical id\t: {socket}
siblings\t: {cores_per_socket * threads}
core id\t\t: {core}
cpu cores\t: {cores_per_socket}
apicid\t\t: {socket * 64 + core * 2}
initial apicid\t: {socket * 64 + core * 2}
fpu\t\t: yes
fpu_exception\t: yes
cpuid level\t: 22
wp\t\t: yes
flags\t\t: {flags}
bugs\t\t: spectre_v1 spectre_v2 spec_store_bypass swapgs taa itlb_multihit mmio_stale_data retbleed eibrs_pbrsb gds bhi
bogomips\t: 4200.00
clflush size\t: 64
cache_alignment\t: 64
address sizes\t: 46 bits physical, 48 bits virtual
power management:
""")
    return "\n".join(blocks) + "\n"


def smbios_structure(stype, handle, formatted, strings):
    body = struct.pack("<BBH", stype, 4 + len(formatted), handle) + formatted
    if strings:
        tail = b"".join(s.encode() + b"\0" for s in strings) + b"\0"
    else:
        tail = b"\0\0"
    return body + tail


def processor(handle, socket):
    # offsets from 0x04 (after the 4-byte header): see DSP0134 7.5
    f = bytearray(0x30 - 4)
    def put(off, fmt, val):
        struct.pack_into(fmt, f, off - 4, val)
    put(0x04, "B", 1)        # socket designation string 1
    put(0x05, "B", 3)        # central processor
    put(0x06, "B", 0xB3)     # family Xeon
    put(0x07, "B", 2)        # manufacturer string 2
    put(0x10, "B", 3)        # version string 3
    put(0x14, "<H", 4000)    # max speed
    put(0x16, "<H", 2100)    # current speed
    put(0x18, "B", 0x41)     # populated, enabled
    put(0x20, "B", 0)        # serial: none
    put(0x21, "B", 0)
    put(0x22, "B", 4)        # part number string 4
    put(0x23, "B", 20)       # cores
    put(0x24, "B", 20)       # cores enabled
    put(0x25, "B", 40)       # threads
    put(0x2A, "<H", 20)
    put(0x2C, "<H", 20)
    put(0x2E, "<H", 40)
    return smbios_structure(4, handle, bytes(f), [f"CPU{socket}", "Intel(R) Corporation",
                                                  "Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz", "Not Specified"])


def dimm(handle, locator, size_mib, populated=True):
    f = bytearray(0x28 - 4)
    def put(off, fmt, val):
        struct.pack_into(fmt, f, off - 4, val)
    # sizes of 32 GiB and more do not fit the 15-bit field: 0x7FFF points at the extended size (0x1C)
    put(0x0C, "<H", (size_mib if size_mib < 0x7FFF else 0x7FFF) if populated else 0)
    put(0x1C, "<I", size_mib if populated and size_mib >= 0x7FFF else 0)
    put(0x10, "B", 1)        # locator string 1
    put(0x11, "B", 2)        # bank locator string 2
    put(0x12, "B", 0x1A)     # DDR4
    put(0x15, "<H", 2933 if populated else 0)
    put(0x17, "B", 3 if populated else 0)
    put(0x18, "B", 4 if populated else 0)
    put(0x1A, "B", 5 if populated else 0)
    put(0x20, "<H", 2933 if populated else 0)
    strings = [locator, "NODE 1"] + (["Samsung", "40A1B2C3", "M393A4K40CB2-CVF"] if populated else [])
    return smbios_structure(17, handle, bytes(f), strings)


def baremetal_sriov():
    base = os.path.join(ROOT, "baremetal-sriov")
    shutil.rmtree(base, ignore_errors=True)
    sockets, cores, threads = 2, 4, 2
    n = sockets * cores * threads
    write(base, "/proc/cpuinfo", xeon_cpuinfo(n, sockets, cores))
    cpu = "/sys/devices/system/cpu"
    write(base, f"{cpu}/online", f"0-{n - 1}\n")
    write(base, f"{cpu}/possible", f"0-{n - 1}\n")
    for c in range(n):
        socket = (c // cores) % sockets
        core = c % cores
        write(base, f"{cpu}/cpu{c}/topology/physical_package_id", f"{socket}\n")
        write(base, f"{cpu}/cpu{c}/topology/core_id", f"{core}\n")
        write(base, f"{cpu}/cpu{c}/topology/die_id", "0\n")
        sibling = c + sockets * cores if c < sockets * cores else c - sockets * cores
        pair = cpu_list(sorted([c, sibling]))
        socket_cpus = cpu_list(sorted(x for x in range(n) if (x // cores) % sockets == socket))
        for idx, (level, ctype, size, ways, shared) in enumerate([
                (1, "Data", "32K", 8, pair), (1, "Instruction", "32K", 8, pair),
                (2, "Unified", "1024K", 16, pair), (3, "Unified", "28160K", 11, socket_cpus)]):
            d = f"{cpu}/cpu{c}/cache/index{idx}"
            write(base, f"{d}/level", f"{level}\n")
            write(base, f"{d}/type", f"{ctype}\n")
            write(base, f"{d}/size", f"{size}\n")
            write(base, f"{d}/ways_of_associativity", f"{ways}\n")
            write(base, f"{d}/coherency_line_size", "64\n")
            write(base, f"{d}/shared_cpu_list", f"{shared}\n")
    write(base, f"{cpu}/cpu0/cpufreq/cpuinfo_max_freq", "3900000\n")
    write(base, f"{cpu}/cpu0/cpufreq/cpuinfo_min_freq", "800000\n")
    write(base, f"{cpu}/cpu0/cpufreq/scaling_governor", "performance\n")
    write(base, f"{cpu}/cpu0/cpufreq/scaling_driver", "intel_pstate\n")
    vulns = {
        "gather_data_sampling": "Mitigation: Microcode", "itlb_multihit": "KVM: Mitigation: VMX disabled",
        "l1tf": "Not affected", "mds": "Not affected", "meltdown": "Not affected",
        "mmio_stale_data": "Mitigation: Clear CPU buffers; SMT vulnerable",
        "retbleed": "Mitigation: Enhanced IBRS", "spec_store_bypass": "Mitigation: Speculative Store Bypass disabled via prctl",
        "spectre_v1": "Mitigation: usercopy/swapgs barriers and __user pointer sanitization",
        "spectre_v2": "Mitigation: Enhanced / Automatic IBRS; IBPB: conditional; RSB filling; PBRSB-eIBRS: SW sequence; BHI: SW loop, KVM: SW loop",
        "srbds": "Not affected", "tsx_async_abort": "Mitigation: TSX disabled",
        "reg_file_data_sampling": "Not affected",
    }
    for k, v in vulns.items():
        write(base, f"{cpu}/vulnerabilities/{k}", v + "\n")
    node = "/sys/devices/system/node"
    for nid in range(sockets):
        cpus = cpu_list(sorted(x for x in range(n) if (x // cores) % sockets == nid))
        write(base, f"{node}/node{nid}/cpulist", cpus + "\n")
        write(base, f"{node}/node{nid}/meminfo", f"""Node {nid} MemTotal:       196608000 kB
Node {nid} MemFree:        180224000 kB
Node {nid} MemUsed:         16384000 kB
Node {nid} HugePages_Total:     8
Node {nid} HugePages_Free:      6
Node {nid} HugePages_Surp:      0
""")
        write(base, f"{node}/node{nid}/hugepages/hugepages-1048576kB/nr_hugepages", "8\n")
        write(base, f"{node}/node{nid}/hugepages/hugepages-1048576kB/free_hugepages", "6\n")
        write(base, f"{node}/node{nid}/hugepages/hugepages-1048576kB/surplus_hugepages", "0\n")
    write(base, "/proc/meminfo", """MemTotal:       393216000 kB
MemFree:        360448000 kB
MemAvailable:   370000000 kB
Buffers:          102400 kB
Cached:          4096000 kB
SwapTotal:             0 kB
SwapFree:              0 kB
HugePages_Total:      16
HugePages_Free:       12
HugePages_Rsvd:        0
HugePages_Surp:        0
Hugepagesize:    1048576 kB
Hugetlb:        16777216 kB
""")
    hp = "/sys/kernel/mm/hugepages"
    for size, nr, free in [("2048kB", 0, 0), ("1048576kB", 16, 12)]:
        for k, v in [("nr_hugepages", nr), ("free_hugepages", free), ("resv_hugepages", 0), ("surplus_hugepages", 0),
                     ("nr_overcommit_hugepages", 0)]:
            write(base, f"{hp}/hugepages-{size}/{k}", f"{v}\n")
    # DMI, read with privileges: everything including serials, plus the SMBIOS table
    dmi = {"bios_vendor": "Dell Inc.", "bios_version": "2.12.2", "bios_date": "07/09/2021", "bios_release": "2.12",
           "sys_vendor": "Dell Inc.", "product_name": "PowerEdge R640", "product_version": "Not Specified",
           "product_serial": "7XK2M63", "product_uuid": "4c4c4544-0058-4b10-8032-b7c04f4d3633",
           "product_sku": "SKU=NotProvided;ModelName=PowerEdge R640", "product_family": "PowerEdge",
           "board_vendor": "Dell Inc.", "board_name": "0H28RR", "board_version": "A02",
           "board_serial": ".7XK2M63.CNFCP0019A00F3.", "board_asset_tag": "",
           "chassis_vendor": "Dell Inc.", "chassis_type": "23", "chassis_version": "",
           "chassis_serial": "7XK2M63", "chassis_asset_tag": ""}
    for k, v in dmi.items():
        write(base, f"/sys/class/dmi/id/{k}", v + "\n")
    table = (processor(0x0400, 1) + processor(0x0401, 2)
             + dimm(0x1100, "A1", 32768) + dimm(0x1101, "A2", 32768) + dimm(0x1102, "B1", 0, populated=False)
             + smbios_structure(127, 0xFEFF, b"", []))
    write(base, "/sys/firmware/dmi/tables/DMI", table, mode="wb")
    # PCI: root port, E810 PF with 2 VFs, NVMe
    pci = "/sys/bus/pci/devices"
    devices = {
        "0000:00:00.0": ("0x8086", "0x2020", "0x060000", "0x1028", "0x0716", "0x04", None, "0"),
        "0000:3b:00.0": ("0x8086", "0x1592", "0x020000", "0x8086", "0x0002", "0x02", "ice", "0"),
        "0000:3b:01.0": ("0x8086", "0x1889", "0x020000", "0x8086", "0x0000", "0x02", "iavf", "0"),
        "0000:3b:01.1": ("0x8086", "0x1889", "0x020000", "0x8086", "0x0000", "0x02", "vfio-pci", "0"),
        "0000:d8:00.0": ("0x144d", "0xa80a", "0x010802", "0x1028", "0x1fe3", "0x00", "nvme", "1"),
    }
    for slot, (ven, dev, cls, sven, sdev, rev, driver, numa) in devices.items():
        d = f"{pci}/{slot}"
        for k, v in [("vendor", ven), ("device", dev), ("class", cls), ("subsystem_vendor", sven),
                     ("subsystem_device", sdev), ("revision", rev), ("numa_node", numa)]:
            write(base, f"{d}/{k}", v + "\n")
        uevent = ([f"DRIVER={driver}"] if driver else []) + [
            f"PCI_CLASS={cls[2:].lstrip('0').upper()}", f"PCI_ID={ven[2:].upper()}:{dev[2:].upper()}",
            f"PCI_SUBSYS_ID={sven[2:].upper()}:{sdev[2:].upper()}", f"PCI_SLOT_NAME={slot}",
            f"MODALIAS=pci:v0000{ven[2:].upper()}d0000{dev[2:].upper()}sv0000{sven[2:].upper()}sd0000{sdev[2:].upper()}bc{cls[2:4].upper()}sc{cls[4:6].upper()}i{cls[6:8].upper()}"]
        write(base, f"{d}/uevent", "\n".join(uevent) + "\n")
    write(base, "/usr/share/hwdata/pci.ids", """#
#\tList of PCI ID's (subset of the pci.ids database, https://pci-ids.ucw.cz)
#
1028  Dell
144d  Samsung Electronics Co Ltd
\ta80a  NVMe SSD Controller PM9A1/PM9A3/980PRO
\t\t1028 1fe3  Express Flash PM9A3 NVMe 3.84TB
8086  Intel Corporation
\t1592  Ethernet Controller E810-C for QSFP
\t\t8086 0002  Ethernet Network Adapter E810-C-Q2
\t1889  Ethernet Adaptive Virtual Function
\t2020  Sky Lake-E DMI3 Registers
\t\t1028 0716  PowerEdge R640
C 01  Mass storage controller
\t08  Non-Volatile memory controller
\t\t02  NVM Express
C 02  Network controller
\t00  Ethernet controller
C 06  Bridge
\t00  Host bridge
""")
    # Network: PF ens1f0 with SR-IOV, VF netdev ens1f0v0, an onboard NIC, lo
    net = "/sys/class/net"
    def nic(name, mac, mtu, state, speed, slot=None, driver=None, carrier=1):
        write(base, f"{net}/{name}/address", mac + "\n")
        write(base, f"{net}/{name}/mtu", f"{mtu}\n")
        write(base, f"{net}/{name}/operstate", state + "\n")
        write(base, f"{net}/{name}/carrier", f"{carrier}\n")
        write(base, f"{net}/{name}/type", "1\n" if name != "lo" else "772\n")
        write(base, f"{net}/{name}/tx_queue_len", "1000\n")
        if speed is not None:
            write(base, f"{net}/{name}/speed", f"{speed}\n")
            write(base, f"{net}/{name}/duplex", "full\n")
        if slot:
            write(base, f"{net}/{name}/device/uevent", f"DRIVER={driver}\nPCI_SLOT_NAME={slot}\n")
    nic("ens1f0", "b4:96:91:aa:10:00", 9000, "up", 100000, "0000:3b:00.0", "ice")
    # ice from Intel's out-of-tree package declares a module version; in-tree iavf and i40e declare none
    write(base, "/sys/module/ice/version", "1.13.7\n")
    write(base, f"{net}/ens1f0/device/sriov_totalvfs", "128\n")
    write(base, f"{net}/ens1f0/device/sriov_numvfs", "2\n")
    write(base, f"{net}/ens1f0/device/virtfn0/uevent", "DRIVER=iavf\nPCI_SLOT_NAME=0000:3b:01.0\n")
    write(base, f"{net}/ens1f0/device/virtfn0/net/ens1f0v0/mtu", "9000\n")
    write(base, f"{net}/ens1f0/device/virtfn1/uevent", "DRIVER=vfio-pci\nPCI_SLOT_NAME=0000:3b:01.1\n")
    nic("ens1f0v0", "ca:fe:00:00:10:01", 9000, "up", 100000, "0000:3b:01.0", "iavf")
    write(base, f"{net}/ens1f0v0/device/physfn/uevent", "DRIVER=ice\nPCI_SLOT_NAME=0000:3b:00.0\n")
    nic("eno1", "b4:96:91:aa:20:00", 1500, "down", None, "0000:19:00.0", "i40e", carrier=0)
    nic("lo", "00:00:00:00:00:00", 65536, "unknown", None)
    write(base, f"{net}/bonding_masters", "\n")
    write(base, "/proc/1/net/dev", "Inter-|   Receive\n face |bytes\n")
    write(base, "/proc/1/net/route", """Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
ens1f0\t00000000\t010A000A\t0003\t0\t0\t100\t00000000\t0\t0\t0
ens1f0\t000A000A\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0
ens1f0v0\t0014A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
""")
    write(base, "/proc/1/net/fib_trie", """Main:
  +-- 0.0.0.0/0 3 0 5
     |-- 0.0.0.0
        /0 universe UNICAST
     +-- 10.0.10.0/24 2 0 2
        |-- 10.0.10.0
           /24 link UNICAST
        |-- 10.0.10.21
           /32 host LOCAL
     |-- 192.168.20.0
        /24 link UNICAST
Local:
  +-- 0.0.0.0/0 3 0 5
     +-- 10.0.10.0/24 2 0 2
        |-- 10.0.10.21
           /32 host LOCAL
        |-- 10.0.10.255
           /32 link BROADCAST
     +-- 127.0.0.0/8 2 0 2
        |-- 127.0.0.1
           /32 host LOCAL
     |-- 192.168.20.7
        /32 host LOCAL
""")
    write(base, "/proc/1/net/if_inet6", """00000000000000000000000000000001 01 80 10 80       lo
fe80000000000000b69691fffeaa1000 04 40 20 80   ens1f0
20010db8000000100000000000000021 04 40 00 80   ens1f0
""")
    # Block: NVMe with partitions, a rotational SATA disk
    blk = "/sys/block"
    write(base, f"{blk}/nvme0n1/size", "7501476528\n")
    write(base, f"{blk}/nvme0n1/removable", "0\n")
    write(base, f"{blk}/nvme0n1/ro", "0\n")
    write(base, f"{blk}/nvme0n1/device/model", "Dell Ent NVMe PM9A3 RI 3.84TB\n")
    write(base, f"{blk}/nvme0n1/queue/rotational", "0\n")
    write(base, f"{blk}/nvme0n1/queue/scheduler", "[none] mq-deadline kyber bfq\n")
    write(base, f"{blk}/nvme0n1/queue/logical_block_size", "512\n")
    write(base, f"{blk}/nvme0n1/queue/physical_block_size", "512\n")
    for i, (start, size) in enumerate([(2048, 1048576), (1050624, 7500425871)], start=1):
        write(base, f"{blk}/nvme0n1/nvme0n1p{i}/partition", f"{i}\n")
        write(base, f"{blk}/nvme0n1/nvme0n1p{i}/start", f"{start}\n")
        write(base, f"{blk}/nvme0n1/nvme0n1p{i}/size", f"{size}\n")
    write(base, f"{blk}/sda/size", "3907029168\n")
    write(base, f"{blk}/sda/removable", "0\n")
    write(base, f"{blk}/sda/ro", "0\n")
    write(base, f"{blk}/sda/device/model", "ST2000NM0055-1V4\n")
    write(base, f"{blk}/sda/device/vendor", "ATA     \n")
    write(base, f"{blk}/sda/queue/rotational", "1\n")
    write(base, f"{blk}/sda/queue/scheduler", "mq-deadline kyber [bfq] none\n")
    write(base, f"{blk}/loop0/size", "0\n")
    write(base, "/proc/1/mounts", """/dev/nvme0n1p2 /sysroot xfs ro,relatime,seclabel,attr2,inode64,logbufs=8,logbsize=32k,prjquota 0 0
/dev/nvme0n1p1 /boot ext4 ro,nosuid,nodev,relatime,seclabel 0 0
/dev/sda /var/lib/data\\040disk xfs rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
""")
    # Kernel
    write(base, "/proc/sys/kernel/hostname", "worker-0.perf.example.com\n")
    write(base, "/proc/sys/kernel/osrelease", "5.14.0-284.73.1.el9_2.x86_64\n")
    write(base, "/proc/sys/kernel/ostype", "Linux\n")
    write(base, "/proc/sys/kernel/version", "#1 SMP PREEMPT_DYNAMIC Thu Jun 27 11:01:23 EDT 2024\n")
    write(base, "/proc/sys/vm/nr_hugepages", "16\n")
    write(base, "/proc/sys/net/ipv4/ip_forward", "1\n")
    write(base, "/proc/sys/kernel/printk", "4\t4\t1\t7\n")
    write(base, "/proc/sys/net/ipv4/conf/ens1f0.100/rp_filter", "1\n")
    write(base, "/proc/cmdline", "BOOT_IMAGE=(hd0,gpt3)/ostree/rhcos-1/vmlinuz-5.14.0-284.73.1.el9_2.x86_64 "
          "rw ostree=/ostree/boot.0/rhcos/1/0 ignition.platform.id=metal intel_iommu=on iommu=pt "
          "default_hugepagesz=1G hugepagesz=1G hugepages=16 isolcpus=managed_irq,2-7,10-15 "
          "systemd.cpu_affinity=0,1,8,9 \"acpi_osi=!Windows 2012\"\n")
    write(base, "/proc/modules", """ice 1118208 0 - Live 0x0000000000000000
iavf 266240 0 - Live 0x0000000000000000
vfio_pci 16384 1 - Live 0x0000000000000000
vfio_pci_core 86016 1 vfio_pci, Live 0x0000000000000000
nvme 57344 3 - Live 0x0000000000000000
nvme_core 200704 4 nvme, Live 0x0000000000000000
""")
    write(base, "/etc/os-release", """NAME="Red Hat Enterprise Linux CoreOS"
ID="rhcos"
ID_LIKE="rhel fedora"
VERSION="414.92.202407091253-0"
VERSION_ID="4.14"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Red Hat Enterprise Linux CoreOS 414.92.202407091253-0 (Plow)"
OPENSHIFT_VERSION="4.14"
RHEL_VERSION="9.2"
""")


def ubuntu_unprivileged():
    base = os.path.join(ROOT, "ubuntu-unprivileged")
    shutil.rmtree(base, ignore_errors=True)
    write(base, "/proc/cpuinfo", "".join(f"""processor\t: {c}
vendor_id\t: GenuineIntel
cpu family\t: 6
model\t\t: 106
model name\t: Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz
stepping\t: 6
microcode\t: 0xffffffff
cpu MHz\t\t: 2793.437
physical id\t: 0
siblings\t: 4
core id\t\t: {c // 2}
cpu cores\t: 2
flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology cpuid pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm abm avx2 avx512f md_clear
bugs\t\t: spectre_v1 spectre_v2 spec_store_bypass swapgs mmio_stale_data gds
bogomips\t: 5586.87
address sizes\t: 46 bits physical, 48 bits virtual

""" for c in range(4)))
    write(base, "/sys/devices/system/cpu/online", "0-3\n")
    write(base, "/proc/meminfo", "MemTotal:       16365776 kB\nMemFree:         9812344 kB\nHugePages_Total:       0\nHugepagesize:       2048 kB\n")
    for k in ["meltdown", "mds", "l1tf"]:
        write(base, f"/sys/devices/system/cpu/vulnerabilities/{k}", "Not affected\n")
    write(base, "/sys/devices/system/cpu/vulnerabilities/mmio_stale_data",
          "Vulnerable: Clear CPU buffers attempted, no microcode; SMT Host state unknown\n")
    write(base, "/sys/devices/system/cpu/vulnerabilities/gather_data_sampling", "Unknown: Dependent on hypervisor status\n")
    # World-readable DMI only: the root-only attributes (serials, uuid) exist on a real node but cannot be
    # read by an unprivileged pod, which looks the same to the collector as their absence here.
    for k, v in {"bios_vendor": "Microsoft Corporation", "bios_version": "Hyper-V UEFI Release v4.1",
                 "bios_date": "04/06/2022", "sys_vendor": "Microsoft Corporation", "product_name": "Virtual Machine",
                 "product_version": "7.0", "board_vendor": "Microsoft Corporation", "board_name": "Virtual Machine",
                 "chassis_vendor": "Microsoft Corporation", "chassis_type": "3"}.items():
        write(base, f"/sys/class/dmi/id/{k}", v + "\n")
    # The SMBIOS table exists but is root-only (mode 0400); root in CI could still read a 0400 file, so the
    # fixture makes the read fail by making DMI a directory. See README in that directory.
    write(base, "/sys/firmware/dmi/tables/DMI/README",
          "Stands for /sys/firmware/dmi/tables/DMI (mode 0400, unreadable without privileges): reading a directory fails the same way.\n")
    write(base, "/sys/class/net/eth0/address", "00:0d:3a:5c:11:22\n")
    write(base, "/sys/class/net/eth0/mtu", "1500\n")
    write(base, "/sys/class/net/eth0/operstate", "up\n")
    write(base, "/sys/class/net/eth0/speed", "50000\n")
    write(base, "/sys/class/net/eth0/device/uevent", "DRIVER=hv_netvsc\n")
    write(base, "/sys/block/sda/size", "62914560\n")
    write(base, "/sys/block/sda/device/model", "Virtual Disk    \n")
    write(base, "/sys/block/sda/device/vendor", "Msft    \n")
    write(base, "/sys/block/sda/queue/rotational", "1\n")
    write(base, "/sys/block/sda/queue/scheduler", "[mq-deadline] none\n")
    write(base, "/sys/block/sda/sda1/partition", "1\n")
    write(base, "/sys/block/sda/sda1/size", "62697439\n")
    write(base, "/proc/self/mounts", "/dev/sda1 / ext4 rw,relatime,discard 0 0\n")
    write(base, "/proc/sys/kernel/hostname", "aks-nodepool1-12345678-vmss000000\n")
    write(base, "/proc/sys/kernel/osrelease", "5.15.0-1064-azure\n")
    write(base, "/proc/sys/kernel/ostype", "Linux\n")
    write(base, "/proc/sys/kernel/version", "#73-Ubuntu SMP Tue Apr 30 14:24:24 UTC 2024\n")
    write(base, "/proc/sys/net/core/somaxconn", "4096\n")
    write(base, "/proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-5.15.0-1064-azure root=PARTUUID=1a2b ro console=tty1 console=ttyS0 earlyprintk=ttyS0\n")
    write(base, "/etc/os-release", 'PRETTY_NAME="Ubuntu 22.04.4 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nID_LIKE=debian\n')
    write(base, "/var/lib/dpkg/status", """Package: containerd
Status: install ok installed
Priority: optional
Architecture: amd64
Version: 1.7.15-1
Description: daemon to control runC
 A long description line.

Package: old-tool
Status: deinstall ok config-files
Architecture: amd64
Version: 0.9

Package: linux-image-5.15.0-1064-azure
Status: install ok installed
Architecture: amd64
Version: 5.15.0-1064.73
""")


def workstation_hardware():
    base = os.path.join(ROOT, "workstation-hardware")
    shutil.rmtree(base, ignore_errors=True)
    write(base, "/proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Core(TM) i7-9700 CPU @ 3.00GHz\n\n")
    write(base, "/proc/meminfo", "MemTotal:       32768000 kB\n")
    write(base, "/proc/sys/kernel/hostname", "workstation-7\n")
    # hwmon: values in millidegrees Celsius, RPM and millivolts, as the kernel's hwmon ABI has them.
    write(base, "/sys/class/hwmon/hwmon0/name", "acpitz\n")
    write(base, "/sys/class/hwmon/hwmon0/temp1_input", "27800\n")
    write(base, "/sys/class/hwmon/hwmon1/name", "coretemp\n")
    write(base, "/sys/class/hwmon/hwmon1/temp1_input", "46000\n")
    write(base, "/sys/class/hwmon/hwmon1/temp2_input", "44000\n")
    write(base, "/sys/class/hwmon/hwmon2/name", "nct6798\n")
    write(base, "/sys/class/hwmon/hwmon2/fan1_input", "1251\n")
    write(base, "/sys/class/hwmon/hwmon2/fan2_input", "887\n")
    write(base, "/sys/class/hwmon/hwmon2/fan3_input", "0\n")
    write(base, "/sys/class/hwmon/hwmon2/in0_input", "1032\n")
    write(base, "/sys/class/hwmon/hwmon2/in1_input", "1016\n")
    write(base, "/sys/class/thermal/thermal_zone0/type", "x86_pkg_temp\n")
    write(base, "/sys/class/thermal/thermal_zone0/temp", "47000\n")
    # power_supply uevent: energies in µWh, voltage in µV, power in µW (the kernel's units).
    write(base, "/sys/class/power_supply/AC/uevent", "POWER_SUPPLY_NAME=AC\nPOWER_SUPPLY_TYPE=Mains\nPOWER_SUPPLY_ONLINE=0\n")
    write(base, "/sys/class/power_supply/BAT0/uevent", """POWER_SUPPLY_NAME=BAT0
POWER_SUPPLY_TYPE=Battery
POWER_SUPPLY_STATUS=Discharging
POWER_SUPPLY_PRESENT=1
POWER_SUPPLY_TECHNOLOGY=Li-poly
POWER_SUPPLY_CYCLE_COUNT=112
POWER_SUPPLY_VOLTAGE_MIN_DESIGN=15440000
POWER_SUPPLY_VOLTAGE_NOW=16681000
POWER_SUPPLY_POWER_NOW=7462000
POWER_SUPPLY_ENERGY_FULL_DESIGN=57000000
POWER_SUPPLY_ENERGY_FULL=51390000
POWER_SUPPLY_ENERGY_NOW=40120000
POWER_SUPPLY_CAPACITY=78
POWER_SUPPLY_CAPACITY_LEVEL=Normal
POWER_SUPPLY_MODEL_NAME=5B10W51867
POWER_SUPPLY_MANUFACTURER=SMP
POWER_SUPPLY_SERIAL_NUMBER=4321
""")
    for dev, (vendor, product, name) in {"usb1": ("1d6b", "0002", "xHCI Host Controller"),
                                         "1-1": ("046d", "c52b", "USB Receiver")}.items():
        write(base, f"/sys/bus/usb/devices/{dev}/idVendor", vendor + "\n")
        write(base, f"/sys/bus/usb/devices/{dev}/idProduct", product + "\n")
        write(base, f"/sys/bus/usb/devices/{dev}/product", name + "\n")
    write(base, "/sys/bus/pci/devices/0000:00:02.0/class", "0x030000\n")
    write(base, "/sys/bus/pci/devices/0000:00:02.0/vendor", "0x8086\n")
    write(base, "/sys/bus/pci/devices/0000:00:02.0/device", "0x3e98\n")
    write(base, "/sys/bus/pci/devices/0000:01:00.0/class", "0x030000\n")
    write(base, "/sys/bus/pci/devices/0000:01:00.0/vendor", "0x10de\n")
    write(base, "/sys/bus/pci/devices/0000:01:00.0/device", "0x1e84\n")
    write(base, "/sys/bus/pci/devices/0000:00:1f.3/class", "0x040300\n")


if __name__ == "__main__":
    baremetal_sriov()
    ubuntu_unprivileged()
    workstation_hardware()
    print("wrote", os.path.normpath(ROOT))
