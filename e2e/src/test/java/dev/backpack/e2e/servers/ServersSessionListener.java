package dev.backpack.e2e.servers;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared servers when the JUnit launcher session ends (registered in META-INF/services). */
public final class ServersSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Servers.stopAll();
    }
}
