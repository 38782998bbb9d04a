package dev.backpack.agent.cli;

import dev.backpack.contract.MetadataModule;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A flag not documented does not exist: every option and exit code is in docs/agent.md, every module in docs/modules.md. */
class DocumentedFlagsTest {
    static final Path DOCS = Path.of("../docs");

    @Test
    void everyOptionAndExitCodeIsInAgentMd() throws IOException {
        String agentMd = Files.readString(DOCS.resolve("agent.md"));
        CommandLine cli = CommandLineFactory.create(CliRunner.environment(false));
        for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
            for (String name : option.names()) {
                assertThat(agentMd).as("docs/agent.md documents %s", name).contains("`" + name + "`");
            }
        }
        for (int code : new int[]{ExitCodes.OK, ExitCodes.FAILURE, ExitCodes.USAGE}) {
            assertThat(agentMd).containsPattern("\\n\\| " + code + " \\|");
        }
    }

    @Test
    void everyModuleIsInModulesMd() throws IOException {
        String modulesMd = Files.readString(DOCS.resolve("modules.md"));
        for (MetadataModule module : MetadataModule.values()) {
            assertThat(modulesMd).as("docs/modules.md documents %s", module.moduleName()).satisfiesAnyOf(
                            md -> assertThat(md).contains("## " + module.moduleName()),
                            md -> assertThat(md).contains("| `" + module.moduleName() + "` |"));
        }
    }
}
