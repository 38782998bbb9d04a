package dev.backpack.charts.docs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ```yaml block of docs/*.md and README.md works as written, so the docs cannot drift from the
 * model, the chart and Kubernetes. Blocks marked not-checked are "what not to do" examples: they
 * must be refused or flagged, or the warning around them would be a lie.
 */
class DocsYamlTest {
    private static final Path ROOT = Path.of(System.getProperty("backpack.repoRoot", ".."));
    private static final Path CHART = Path.of(System.getProperty("backpack.chartDir", "backpack"));
    private static DocBlockChecker checker;
    private static List<YamlBlock> blocks;

    @BeforeAll
    static void readDocs() throws IOException {
        checker = new DocBlockChecker(new ValuesSchema(CHART));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        files.add(ROOT.resolve("README.md"));
        blocks = new ArrayList<>();
        for (Path file : files) {
            blocks.addAll(MarkdownYamlBlocks.extract(file));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBlockWorksAsWritten() {
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.where() + " " + block.mark(), () -> {
            List<String> problems = checker.problems(block);
            if (block.mark() == YamlBlock.Mark.NOT_CHECKED) {
                assertThat(problems).as("%s is marked not-checked but nothing is wrong with it:%n%s",
                        block.where(), block.text()).isNotEmpty();
            } else {
                assertThat(problems).as("%s:%n%s", block.where(), block.text()).isEmpty();
            }
        }));
    }

    @Test
    void theUserGuidesHaveTheirExamples() {
        assertThat(blocks).filteredOn(b -> b.file().getFileName().toString().equals("metadata.md"))
                .hasSizeGreaterThanOrEqualTo(10)
                .anyMatch(b -> b.text().contains("kind: Benchmark") && b.text().contains("targeted: false"))
                .anyMatch(b -> b.text().contains("credentialsSecret"))
                .anyMatch(b -> b.text().contains("stockpile_skip_tags"));
        assertThat(blocks).filteredOn(b -> b.file().getFileName().toString().equals("operations.md"))
                .anyMatch(b -> b.mark() == YamlBlock.Mark.VALUES)
                .anyMatch(b -> b.mark() == YamlBlock.Mark.NOT_CHECKED && b.text().contains("backpack_role"));
    }
}
