package dev.backpack.agent.collector.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Interface addresses from procfs, so they are the node's even when the agent runs in a pod with the
 * node's /proc mounted under the host root (Java's NetworkInterface would show the pod's network).
 *
 * <p>IPv6 comes from {@code if_inet6}, which names the interface. IPv4 has no such file: local
 * addresses are the {@code /32 host LOCAL} entries of {@code fib_trie}, matched to the interface whose
 * directly connected route in {@code route} contains them (loopback addresses go to {@code lo}).
 */
final class InterfaceAddresses {
    private InterfaceAddresses() {
    }

    /** {@code fe800000000000000250 02 40 20 80 eth0} → eth0 → {@code fe80::250/64}. */
    static Map<String, List<String>> parseIfInet6(List<String> lines) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || f[0].length() != 32) {
                continue;
            }
            out.computeIfAbsent(f[5], k -> new ArrayList<>())
                    .add(compressIpv6(f[0]) + "/" + Integer.parseInt(f[2], 16));
        }
        return out;
    }

    static String compressIpv6(String hex32) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = Integer.parseInt(hex32.substring(i * 4, i * 4 + 4), 16);
        }
        // RFC 5952: the longest run (length > 1) of zero groups becomes "::".
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] == 0) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            sb.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    /** The local IPv4 addresses: entries followed by a {@code /32 host LOCAL} line. */
    static Set<String> parseLocalIpv4(List<String> fibTrie) {
        Set<String> out = new LinkedHashSet<>();
        String last = null;
        for (String line : fibTrie) {
            String trimmed = line.trim();
            if (trimmed.startsWith("|-- ")) {
                last = trimmed.substring(4).trim();
            } else if (last != null && trimmed.startsWith("/32 host LOCAL")) {
                out.add(last);
            }
        }
        return out;
    }

    record Route(String iface, long destination, long mask) {
    }

    /** Directly connected routes (gateway 0) of {@code /proc/net/route}; addresses are little-endian hex. */
    static List<Route> parseRoutes(List<String> lines) {
        List<Route> routes = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || f[0].equals("Iface")) {
                continue;
            }
            try {
                if (Long.parseLong(f[2], 16) != 0) {
                    continue;
                }
                routes.add(new Route(f[0], Long.reverseBytes(Long.parseLong(f[1], 16)) >>> 32,
                        Long.reverseBytes(Long.parseLong(f[7], 16)) >>> 32));
            } catch (NumberFormatException e) {
                // not a route line
            }
        }
        return routes;
    }

    static Map<String, List<String>> assignIpv4(Set<String> addresses, List<Route> routes) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String address : addresses) {
            long ip = ipv4(address);
            if (ip < 0) {
                continue;
            }
            if ((ip >>> 24) == 127) {
                out.computeIfAbsent("lo", k -> new ArrayList<>()).add(address + "/8");
                continue;
            }
            Route best = null;
            for (Route r : routes) {
                if (r.mask() != 0 && (ip & r.mask()) == r.destination()
                        && (best == null || Long.bitCount(r.mask()) > Long.bitCount(best.mask()))) {
                    best = r;
                }
            }
            if (best != null) {
                out.computeIfAbsent(best.iface(), k -> new ArrayList<>()).add(address + "/" + Long.bitCount(best.mask()));
            }
        }
        return out;
    }

    static long ipv4(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 4) {
            return -1;
        }
        long ip = 0;
        for (String p : parts) {
            try {
                int octet = Integer.parseInt(p);
                if (octet < 0 || octet > 255) {
                    return -1;
                }
                ip = ip << 8 | octet;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return ip;
    }
}
