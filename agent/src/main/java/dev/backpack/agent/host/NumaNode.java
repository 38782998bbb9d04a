package dev.backpack.agent.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One of the node's NUMA nodes, as sysfs lists them: {@code /sys/devices/system/node/nodeN}. */
public record NumaNode(int number, Path dir) {
    static final String NODE_DIR = "/sys/devices/system/node";
    private static final Pattern NAME = Pattern.compile("node(\\d+)");

    /** The NUMA nodes in number order; none on a kernel without NUMA support (the folder is absent). */
    public static List<NumaNode> list(HostPaths host) {
        List<NumaNode> nodes = new ArrayList<>();
        for (Path dir : host.list(host.resolve(NODE_DIR))) {
            Matcher m = NAME.matcher(dir.getFileName().toString());
            if (m.matches()) {
                nodes.add(new NumaNode(Integer.parseInt(m.group(1)), dir));
            }
        }
        nodes.sort(Comparator.comparingInt(NumaNode::number));
        return nodes;
    }
}
