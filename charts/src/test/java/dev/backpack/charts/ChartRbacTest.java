package dev.backpack.charts;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Least privilege: the roles grant what operator and agent use, nothing more, and never Secrets. */
class ChartRbacTest {
    /** The agent's reads, as agreed for the k8s and openshift collectors. */
    static final Set<String> AGENT_CLUSTER_GRANTS = Set.of(
            "/nodes:get", "/nodes:list",
            "config.openshift.io/clusterversions:get", "config.openshift.io/clusterversions:list",
            "config.openshift.io/infrastructures:get", "config.openshift.io/infrastructures:list",
            "config.openshift.io/networks:get", "config.openshift.io/networks:list",
            "config.openshift.io/dnses:get", "config.openshift.io/dnses:list",
            "config.openshift.io/ingresses:get", "config.openshift.io/ingresses:list",
            "operator.openshift.io/kubeapiservers:get", "operator.openshift.io/kubeapiservers:list",
            "operator.openshift.io/kubecontrollermanagers:get", "operator.openshift.io/kubecontrollermanagers:list");
    static final Set<String> AGENT_KUBE_SYSTEM_GRANTS = Set.of("/configmaps:cluster-config-v1:get");

    /** Upstream's backpack_role.yaml: get/list/watch on every resource of every group. */
    static final PolicyRule UPSTREAM_RULE = new PolicyRuleBuilder()
            .withApiGroups("*").withResources("*").withVerbs("get", "list", "watch").build();

    private final Chart chart = Chart.underTest();

    static Stream<String> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void noRuleIsWildcardOrReadsSecrets(String scenario) {
        Rendered r = Scenarios.render(chart, scenario);

        assertThat(r.rules()).isNotEmpty().allSatisfy(named ->
                assertThat(RbacRules.problems(named.rule())).as(named.role() + " " + named.rule()).isEmpty());
        assertThat(r.rules()).as("only the operator names secrets: it writes the credentials Secrets it owns")
                .filteredOn(named -> named.rule().getResources().contains("secrets"))
                .allSatisfy(named -> assertThat(named.role()).contains("operator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void agentRolesGrantExactlyTheCollectorReads(String scenario) {
        Rendered r = Scenarios.render(chart, scenario);

        ClusterRole agent = r.get(ClusterRole.class, null, "bp-backpack-agent");
        assertThat(RbacRules.grants(agent.getRules())).containsExactlyInAnyOrderElementsOf(AGENT_CLUSTER_GRANTS);
        Role installConfig = r.get(Role.class, "kube-system", "bp-backpack-agent-install-config");
        assertThat(RbacRules.grants(installConfig.getRules())).containsExactlyInAnyOrderElementsOf(AGENT_KUBE_SYSTEM_GRANTS);
        assertThat(RbacRules.allows(installConfig.getRules(), "", "configmaps", "list"))
                .as("only the one named ConfigMap, not a list of kube-system's").isFalse();
    }

    @Test
    void operatorRoleIsExactlyWhatTheOperatorDocumentsItUses() throws Exception {
        List<PolicyRule> rules = chart.renderDefaults().get(ClusterRole.class, null, "bp-backpack-operator").getRules();
        Set<String> documented = operatorGrantsFromRbacMd();
        documented.removeIf(g -> g.startsWith("coordination.k8s.io/leases:"));
        assertThat(documented).as("operator/RBAC.md lists the operator's API calls").isNotEmpty();
        assertThat(RbacRules.grants(rules)).as("the chart grants what operator/RBAC.md lists, nothing more")
                .containsExactlyInAnyOrderElementsOf(documented);
        assertThat(RbacRules.allows(rules, "", "secrets", "get")).isFalse();
        assertThat(RbacRules.allows(rules, "", "events", "create")).as("the operator records no events").isFalse();
        assertThat(RbacRules.allows(rules, "ripsaw.cloudbulldozer.io", "benchmarks/status", "patch"))
                .as("the status is patched").isTrue();
        assertThat(RbacRules.allows(rules, "ripsaw.cloudbulldozer.io", "benchmarks/status", "update"))
                .as("never updated whole").isFalse();
        assertThat(RbacRules.allows(rules, "coordination.k8s.io", "leases", "get"))
                .as("leases only with leader election, and then in a Role").isFalse();
    }

    /** The machine-readable table between the rbac markers of operator/RBAC.md, as "group/resource:verb". */
    static Set<String> operatorGrantsFromRbacMd() throws java.io.IOException {
        String md = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("backpack.operatorRbac",
                "../operator/RBAC.md")));
        String table = md.substring(md.indexOf("<!-- rbac:start -->"), md.indexOf("<!-- rbac:end -->"));
        Set<String> grants = new java.util.TreeSet<>();
        for (String line : table.lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].contains("`")) {
                continue;
            }
            String group = cells[1].strip().replace("`", "").replace("\"", "");
            String resource = cells[2].strip().replace("`", "");
            for (String verb : cells[3].strip().replace("`", "").split(",")) {
                grants.add(group + "/" + resource + ":" + verb.strip());
            }
        }
        return grants;
    }

    @Test
    void upstreamRoleIsFlaggedAndIsNotWhatWeShip() {
        assertThat(RbacRules.problems(UPSTREAM_RULE)).contains("wildcard apiGroup", "wildcard resource", "can read secrets");
        assertThat(RbacRules.allows(List.of(UPSTREAM_RULE), "", "secrets", "list")).isTrue();

        Rendered r = chart.renderDefaults();
        assertThat(r.rules()).noneMatch(named -> RbacRules.grants(List.of(named.rule())).containsAll(
                RbacRules.grants(List.of(UPSTREAM_RULE))));
        assertThat(r.find(ClusterRole.class, null, "backpack_role")).isEmpty();
        for (ClusterRole role : r.all(ClusterRole.class)) {
            assertThat(RbacRules.allows(role.getRules(), "", "secrets", "get")).as(role.getMetadata().getName()).isFalse();
            assertThat(RbacRules.allows(role.getRules(), "", "secrets", "list")).as(role.getMetadata().getName()).isFalse();
        }
    }
}
