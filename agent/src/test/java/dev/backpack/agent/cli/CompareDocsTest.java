package dev.backpack.agent.cli;

import dev.backpack.contract.VolatileFacts;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/compare.md documents every flag of diff, show and report, and every volatile fact pattern. */
class CompareDocsTest {

    @Test
    void everyFlagOfTheCompareCommandsIsInCompareMd() throws IOException {
        String compareMd = Files.readString(DocumentedFlagsTest.DOCS.resolve("compare.md"));
        CommandLine cli = CommandLineFactory.create(CliRunner.environment(false));
        for (String command : new String[]{"diff", "show", "report"}) {
            for (CommandLine.Model.OptionSpec option : cli.getSubcommands().get(command).getCommandSpec().options()) {
                for (String name : option.names()) {
                    assertThat(compareMd).as("docs/compare.md documents %s %s", command, name).contains("`" + name + "`");
                }
            }
        }
        assertThat(compareMd).containsPattern("\\n\\| " + ExitCodes.DIFFERENT + " \\|");
    }

    @Test
    void everyVolatileFactIsInCompareMd() throws IOException {
        String compareMd = Files.readString(DocumentedFlagsTest.DOCS.resolve("compare.md"));
        for (VolatileFacts.Rule rule : VolatileFacts.VOLATILE) {
            assertThat(compareMd).contains("| `" + rule.module() + "` | `" + rule.pattern() + "` | " + rule.why() + " |");
        }
        for (VolatileFacts.Rule rule : VolatileFacts.STABLE) {
            assertThat(compareMd).contains("| `" + rule.module() + "` | `" + rule.pattern() + "` | " + rule.why() + " |");
        }
    }
}
