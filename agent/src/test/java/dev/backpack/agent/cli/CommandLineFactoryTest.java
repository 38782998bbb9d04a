package dev.backpack.agent.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A collection builds the command line without its subcommands; anything that may need them gets them. */
class CommandLineFactoryTest {

    static CommandLine forArguments(String... args) {
        return CommandLineFactory.forArguments(CliRunner.environment(false), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), new SinkSelector(), args);
    }

    @Test
    void aCollectionGetsNoSubcommands() {
        assertThat(forArguments("--tags", "common", "-u", "u", "-n", "node-a", "--output", "/tmp/x").getSubcommands())
                .isEmpty();
        assertThat(forArguments().getSubcommands()).isEmpty();
        assertThat(forArguments("--version").getSubcommands()).isEmpty();
    }

    @Test
    void aSubcommandNameHelpOrAnArgumentFileGetsThemAll() {
        for (String[] args : new String[][]{{"diff", "a", "b"}, {"--verbose", "show", "x"}, {"serve"}, {"report"},
                {"--help"}, {"-h"}, {"-Vh"}, {"@args.txt"}, {"-n", "show"}}) {
            assertThat(forArguments(args).getSubcommands()).as(String.join(" ", args))
                    .containsOnlyKeys(CommandLineFactory.SUBCOMMANDS);
        }
        assertThat(CommandLineFactory.needsSubcommands("-n=host-a", "-u", "uuid-h")).isFalse();
    }

    @Test
    void helpStillListsTheSubcommands() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Commands:").containsPattern("\\n\\s+serve\\s").containsPattern("\\n\\s+show\\s")
                .containsPattern("\\n\\s+diff\\s").containsPattern("\\n\\s+report\\s");
    }
}
