package dev.backpack.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, written into every document ({@code backpack_version}); filtered in by Maven. */
public final class AgentVersion {
    private AgentVersion() {
    }

    public static String current() {
        try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
