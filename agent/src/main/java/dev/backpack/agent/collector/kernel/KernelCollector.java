package dev.backpack.agent.collector.kernel;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.agent.host.KeyValueText;
import dev.backpack.contract.MetadataModule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The running kernel and OS: what {@code uname -a} prints (from {@code /proc/sys/kernel}), the boot
 * command line, {@code /etc/os-release} and the loaded modules ({@code /proc/modules}). One document.
 */
public final class KernelCollector implements Collector {
    static final String KERNEL = "/proc/sys/kernel";
    static final String CMDLINE = "/proc/cmdline";
    static final String MODULES = "/proc/modules";
    static final List<String> OS_RELEASE = List.of("/etc/os-release", "/usr/lib/os-release");

    private final HostPaths host;
    private final String machine;

    /** @param machine the hardware name as {@code uname -m} prints it (the agent runs on the node it reads) */
    public KernelCollector(HostPaths host, String machine) {
        this.host = host;
        this.machine = machine;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.KERNEL;
    }

    @Override
    public ModuleFacts collect() {
        Values uname = Values.create()
                .put("kernel_name", host.readTrimmed(host.resolve(KERNEL + "/ostype")))
                .put("nodename", host.readTrimmed(host.resolve(KERNEL + "/hostname")))
                .put("kernel_release", host.readTrimmed(host.resolve(KERNEL + "/osrelease")))
                .put("kernel_version", host.readTrimmed(host.resolve(KERNEL + "/version")))
                .put("machine", machine);
        Values v = Values.create().put("uname", uname.toMap());
        List<String> notes = new ArrayList<>();
        host.readTrimmed(host.resolve(CMDLINE)).ifPresent(cmdline -> {
            v.put("cmdline", cmdline);
            v.put("cmdline_params", parseCmdline(cmdline));
        });
        OS_RELEASE.stream()
                .map(path -> host.readLines(host.resolve(path)))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .ifPresentOrElse(lines -> v.put("os_release", KeyValueText.parseAssignments(lines)),
                        () -> notes.add("no os-release file (" + String.join(", ", OS_RELEASE) + ")"));
        host.readLines(host.resolve(MODULES)).ifPresentOrElse(
                lines -> v.put("modules", parseModules(lines)),
                () -> notes.add(MODULES + " is absent (kernel built without loadable modules)"));
        return ModuleFacts.of(List.of(new Fact("uname", v.toMap())), notes);
    }

    /** Splits the boot command line at spaces, keeping quoted values together; {@code --} ends the kernel part. */
    static List<String> parseCmdline(String cmdline) {
        List<String> params = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : cmdline.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0) {
                    params.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            params.add(current.toString());
        }
        int end = params.indexOf("--");
        return end >= 0 ? params.subList(0, end) : params;
    }

    /** {@code name size instances deps state address} per line. */
    static List<Map<String, Object>> parseModules(List<String> lines) {
        List<Map<String, Object>> modules = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 3 || !f[1].matches("\\d+") || !f[2].matches("\\d+")) {
                continue; // not a module line
            }
            Values m = Values.create().put("name", f[0]).put("size", Long.parseLong(f[1]))
                    .put("instances", Integer.parseInt(f[2]));
            if (f.length > 3 && !f[3].equals("-")) {
                m.put("used_by", Arrays.stream(f[3].split(",")).filter(s -> !s.isEmpty()).toList());
            }
            if (f.length > 4) {
                m.put("state", f[4]);
            }
            modules.add(m.toMap());
        }
        return modules;
    }
}
