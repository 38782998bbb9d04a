package dev.backpack.charts.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relative links in docs/*.md lead somewhere: the file exists (or is a page the docs index promises,
 * written alongside), and a #fragment names a heading of that page as GitHub spells its anchor.
 */
class DocsLinksTest {
    private static final Path DOCS = Path.of(System.getProperty("backpack.repoRoot", "..")).resolve("docs");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @Test
    void relativeLinksAndAnchorsResolve() throws IOException {
        Set<String> promised = linkedFiles(DOCS.resolve("README.md"));
        List<String> broken = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher link = LINK.matcher(Files.readString(page));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                    Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                    if (!Files.exists(resolved)) {
                        if (!promised.contains(file)) {
                            broken.add(page.getFileName() + ": " + target + " (no such file)");
                        }
                    } else if (!anchor.isEmpty() && !anchors(resolved).contains(anchor)) {
                        broken.add(page.getFileName() + ": " + target + " (no such heading)");
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static Set<String> linkedFiles(Path index) throws IOException {
        Set<String> files = new HashSet<>();
        Matcher link = LINK.matcher(Files.readString(index));
        while (link.find()) {
            files.add(link.group(1).replaceAll("#.*", ""));
        }
        return files;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(Path page) throws IOException {
        if (!page.toString().endsWith(".md")) {
            return Set.of();
        }
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(Files.readString(page));
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
