package dev.backpack.charts.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the ```yaml (or ```yml) fenced blocks of a Markdown file, indented ones included. */
final class MarkdownYamlBlocks {
    static final String VALUES_MARK = "<!-- values -->";
    static final String NOT_CHECKED_MARK = "<!-- not-checked -->";

    private MarkdownYamlBlocks() {
    }

    static List<YamlBlock> extract(Path file) throws IOException {
        return extract(file, Files.readAllLines(file));
    }

    static List<YamlBlock> extract(Path file, List<String> lines) {
        List<YamlBlock> blocks = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.equals("```yaml") || trimmed.equals("```yml")) {
                int indent = line.indexOf('`');
                StringBuilder text = new StringBuilder();
                int start = i + 2; // 1-based number of the first line inside the fence
                i++;
                while (i < lines.size() && !lines.get(i).strip().equals("```")) {
                    String content = lines.get(i);
                    text.append(content.length() >= indent && content.substring(0, indent).isBlank()
                            ? content.substring(indent) : content.stripLeading()).append('\n');
                    i++;
                }
                if (i == lines.size()) {
                    throw new IllegalStateException(file + ":" + start + ": ```yaml block is never closed");
                }
                blocks.add(new YamlBlock(file, start, text.toString(), mark(previous)));
                previous = "";
            } else if (!trimmed.isEmpty()) {
                previous = trimmed;
            }
        }
        return blocks;
    }

    private static YamlBlock.Mark mark(String previousLine) {
        return switch (previousLine) {
            case VALUES_MARK -> YamlBlock.Mark.VALUES;
            case NOT_CHECKED_MARK -> YamlBlock.Mark.NOT_CHECKED;
            default -> YamlBlock.Mark.NONE;
        };
    }
}
