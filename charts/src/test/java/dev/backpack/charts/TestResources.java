package dev.backpack.charts;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of files under src/test/resources (helm reads values files from disk). */
final class TestResources {
    private TestResources() {
    }

    static Path path(String resource) {
        URL url = TestResources.class.getResource("/" + resource);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(resource, e);
        }
    }
}
