package dev.backpack.charts;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads RBAC rules the way the API server does (wildcards included), so the tests can ask "may this
 * role read Secrets?" of any role, ours or upstream's, instead of string-matching our own YAML.
 */
public final class RbacRules {
    private RbacRules() {
    }

    public static boolean allows(List<PolicyRule> rules, String apiGroup, String resource, String verb) {
        return rules.stream().anyMatch(rule -> matches(rule.getApiGroups(), apiGroup)
                && (matches(rule.getResources(), resource) || rule.getResources().contains("*/*"))
                && matches(rule.getVerbs(), verb));
    }

    private static boolean matches(List<String> granted, String wanted) {
        return granted != null && (granted.contains("*") || granted.contains(wanted));
    }

    /** Why a rule is not least-privilege; empty when it is fine. */
    public static List<String> problems(PolicyRule rule) {
        List<String> out = new ArrayList<>();
        if (contains(rule.getApiGroups(), "*")) {
            out.add("wildcard apiGroup");
        }
        if (contains(rule.getResources(), "*") || contains(rule.getResources(), "*/*")) {
            out.add("wildcard resource");
        }
        if (contains(rule.getVerbs(), "*")) {
            out.add("wildcard verb");
        }
        if (contains(rule.getResources(), "secrets") && !Set.of("create", "patch").containsAll(rule.getVerbs())) {
            out.add("may do more with secrets than create and patch");
        }
        if (Stream.of("get", "list", "watch").anyMatch(verb -> allows(List.of(rule), "", "secrets", verb))) {
            out.add("can read secrets");
        }
        return out;
    }

    private static boolean contains(List<String> values, String value) {
        return values != null && values.contains(value);
    }

    /** Each rule expanded to "group/resource[:name]:verb" entries, for exact comparisons. */
    public static Set<String> grants(List<PolicyRule> rules) {
        Set<String> out = new TreeSet<>();
        for (PolicyRule rule : rules) {
            List<String> names = rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                    ? List.of("") : rule.getResourceNames();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String name : names) {
                        for (String verb : rule.getVerbs()) {
                            out.add(group + "/" + resource + (name.isEmpty() ? "" : ":" + name) + ":" + verb);
                        }
                    }
                }
            }
        }
        return out;
    }
}
