package dev.backpack.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The stockpile tag vocabulary shared by the CRD schema, the operator's validation and the agent. */
public final class Tags {
    public static final String ALL = "all";
    public static final String ALWAYS = "always";
    public static final List<String> DEFAULT = List.of("common", "k8s", "openshift");

    /**
     * The known tags as a CEL list literal, for the CRD's validation rules. Annotation values must be
     * compile-time constants, so this is spelled out; a test keeps it equal to {@link #known()}.
     */
    public static final String CEL_KNOWN = "['all', 'always', 'block', 'common', 'cpu', 'cpu_vulnerabilities', "
            + "'cpuinfo', 'dmidecode', 'graphics', 'hardware', 'k8s', 'k8s_cluster_info', 'k8s_nodes', 'kernel', "
            + "'lspci', 'meminfo', 'memory', 'network', 'nvidia', 'nvidia_smi', 'ocp_cluster_version', 'ocp_dns', "
            + "'ocp_infrastructure', 'ocp_ingress', 'ocp_install_config', 'ocp_kube_apiserver', "
            + "'ocp_kube_controller_manager', 'ocp_network', 'openshift', 'packages', 'power', 'sensors', 'sysctl', "
            + "'usb', 'yum']";

    private Tags() {
    }

    /** Every tag a user may name: the modules' tags plus {@code all} and {@code always}, sorted. */
    public static Set<String> known() {
        TreeSet<String> known = Arrays.stream(MetadataModule.values())
                .flatMap(m -> m.tags().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        known.add(ALL);
        known.add(ALWAYS);
        return known;
    }

    public static boolean isKnown(String tag) {
        return known().contains(tag);
    }
}
