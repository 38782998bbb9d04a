package dev.backpack.charts.docs;

import java.nio.file.Path;

/** One ```yaml block of a Markdown file, with the marker comment (if any) on the line before it. */
record YamlBlock(Path file, int line, String text, Mark mark) {

    enum Mark {
        NONE, VALUES, NOT_CHECKED
    }

    String where() {
        return file.getFileName() + ":" + line;
    }
}
