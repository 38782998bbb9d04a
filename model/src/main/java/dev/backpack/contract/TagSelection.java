package dev.backpack.contract;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * Chooses modules from {@code --tags} and {@code --skip-tags} the way Ansible (and so stockpile) does:
 * {@code all} selects everything, a module tagged {@code always} runs unless skipped explicitly, and a
 * skip wins over a select.
 */
public final class TagSelection {
    private final Set<String> tags;
    private final Set<String> skipTags;

    private TagSelection(Set<String> tags, Set<String> skipTags) {
        this.tags = tags;
        this.skipTags = skipTags;
    }

    /**
     * @throws UnknownTagException naming the option and the unknown tags
     */
    public static TagSelection of(Collection<String> tags, Collection<String> skipTags) {
        Set<String> selected = normalize(tags == null || tags.isEmpty() ? Tags.DEFAULT : tags);
        Set<String> skipped = normalize(skipTags == null ? List.of() : skipTags);
        requireKnown("--tags", selected);
        requireKnown("--skip-tags", skipped);
        return new TagSelection(selected, skipped);
    }

    private static Set<String> normalize(Collection<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null) {
                continue;
            }
            for (String part : tag.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty()) {
                    out.add(trimmed);
                }
            }
        }
        return out;
    }

    private static void requireKnown(String option, Set<String> given) {
        List<String> unknown = given.stream().filter(t -> !Tags.isKnown(t)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownTagException(option, unknown);
        }
    }

    public boolean selects(MetadataModule module) {
        Set<String> moduleTags = module.tags();
        if (skipTags.contains(Tags.ALL) || moduleTags.stream().anyMatch(skipTags::contains)) {
            return false;
        }
        if (moduleTags.contains(Tags.ALWAYS)) {
            return !skipTags.contains(Tags.ALWAYS);
        }
        return tags.contains(Tags.ALL) || moduleTags.stream().anyMatch(tags::contains);
    }

    public List<MetadataModule> modules() {
        return MetadataModule.all().stream().filter(this::selects).toList();
    }

    public Set<String> tags() {
        return tags;
    }

    public Set<String> skipTags() {
        return skipTags;
    }
}
