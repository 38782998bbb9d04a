package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.contract.AgentFlags;
import dev.backpack.contract.TagSelection;
import dev.backpack.contract.UnknownTagException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Which modules run: Ansible-style {@code --tags} and {@code --skip-tags}, as stockpile took them. */
public final class SelectionOptions {
    @Option(names = AgentFlags.TAGS, split = ",", paramLabel = "<tag>",
            description = "Comma list of tags or module names to collect (default: common,k8s,openshift; 'all' = everything).")
    List<String> tags = new ArrayList<>();

    @Option(names = AgentFlags.SKIP_TAGS, split = ",", paramLabel = "<tag>",
            description = "Comma list of tags or module names to leave out; wins over --tags.")
    List<String> skipTags = new ArrayList<>();

    /**
     * @throws BackpackException (usage) naming the unknown tags and listing the known ones, or saying that
     *                           the flags select no module: a run that collects nothing is never what was meant
     */
    public TagSelection selection() {
        if (!tags.isEmpty() && tags.stream().allMatch(String::isBlank)) {
            throw BackpackException.usage(AgentFlags.TAGS + " is empty; name at least one tag or module (e.g. "
                    + AgentFlags.TAGS + "=common), or leave it out for the default");
        }
        TagSelection selection;
        try {
            selection = TagSelection.of(tags, skipTags);
        } catch (UnknownTagException e) {
            throw BackpackException.usage(e.getMessage());
        }
        if (selection.modules().isEmpty()) {
            throw BackpackException.usage(AgentFlags.TAGS + " " + String.join(",", selection.tags()) + " with "
                    + AgentFlags.SKIP_TAGS + " " + String.join(",", selection.skipTags())
                    + " selects no module; skip fewer tags");
        }
        return selection;
    }
}
