package dev.backpack.agent.collector.packages;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.CommandRunner;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installed packages, one document per package. Debian-family: the dpkg database
 * {@code /var/lib/dpkg/status} under the host root (what {@code dpkg-query -W} reads, without needing
 * the tool in the agent image). RPM-family: {@code rpm --root <host root> -qa}.
 */
public final class PackagesCollector implements Collector {
    static final String DPKG_STATUS = "/var/lib/dpkg/status";
    static final List<String> RPM_DBS = List.of("/var/lib/rpm", "/usr/lib/sysimage/rpm");
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HostPaths host;
    private final CommandRunner commands;

    public PackagesCollector(HostPaths host, CommandRunner commands) {
        this.host = host;
        this.commands = commands;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.PACKAGES;
    }

    @Override
    public ModuleFacts collect() throws CommandRunner.CommandFailedException {
        List<Fact> facts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<String> status = host.read(host.resolve(DPKG_STATUS));
        status.ifPresent(text -> parseDpkgStatus(text).forEach(p -> facts.add(new Fact("dpkg", p))));
        boolean rpmDb = RPM_DBS.stream().anyMatch(p -> host.isDirectory(host.resolve(p)));
        if (rpmDb) {
            Optional<String> rpm = commands.find("rpm");
            if (rpm.isPresent()) {
                String out = commands.run(List.of(rpm.get(), "--root", host.root().toString(), "-qa", "--queryformat",
                        "%{NAME}\\t%{EPOCH}:%{VERSION}-%{RELEASE}\\t%{ARCH}\\n"), TIMEOUT);
                parseRpm(out).forEach(p -> facts.add(new Fact("rpm", p)));
            } else {
                notes.add("an RPM database exists but the rpm tool is not in the agent image: RPM packages left out");
            }
        }
        if (status.isEmpty() && !rpmDb) {
            return ModuleFacts.skipped("no package database under the host root (" + DPKG_STATUS + ", "
                    + String.join(", ", RPM_DBS) + "); mount the node's root to collect packages");
        }
        return ModuleFacts.of(facts, notes);
    }

    /** Stanzas separated by blank lines; only packages whose Status ends in {@code installed}. */
    static List<Map<String, Object>> parseDpkgStatus(String text) {
        List<Map<String, Object>> packages = new ArrayList<>();
        Map<String, String> stanza = new LinkedHashMap<>();
        for (String line : (text + "\n\n").split("\n", -1)) {
            if (line.isEmpty()) {
                if (stanza.containsKey("Package") && stanza.getOrDefault("Status", "").endsWith(" installed")) {
                    packages.add(Values.create()
                            .put("name", stanza.get("Package"))
                            .put("version", stanza.get("Version"))
                            .put("arch", stanza.get("Architecture"))
                            .put("manager", "dpkg")
                            .toMap());
                }
                stanza.clear();
            } else if (!Character.isWhitespace(line.charAt(0))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    stanza.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        }
        return packages;
    }

    /** {@code name\tepoch:version-release\tarch}; rpm prints {@code (none)} for a missing epoch. */
    static List<Map<String, Object>> parseRpm(String out) {
        List<Map<String, Object>> packages = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 3) {
                continue;
            }
            String version = f[1].startsWith("(none):") ? f[1].substring("(none):".length()) : f[1];
            packages.add(Values.create().put("name", f[0]).put("version", version).put("arch", f[2])
                    .put("manager", "rpm").toMap());
        }
        return packages;
    }
}
