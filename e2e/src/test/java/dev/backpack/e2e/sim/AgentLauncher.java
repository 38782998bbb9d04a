package dev.backpack.e2e.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a container's command line as the image would: {@code /bin/sh -c} with the agent image's
 * {@code backpack} entry point on PATH (a wrapper around the real agent jar).
 */
public final class AgentLauncher {
    private final Path binDir;

    private AgentLauncher(Path binDir) {
        this.binDir = binDir;
    }

    /** The agent image's entry point: {@code backpack} runs the real agent jar. */
    public static AgentLauncher forAgentJar(Path agentJar, Path workDir, String javaOptions) {
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalStateException("agent jar " + agentJar + " is missing; build it first: mvn -B install -DskipTests -pl agent -am");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return forScript("exec '" + java + "' " + javaOptions + " -jar '" + agentJar.toAbsolutePath() + "' \"$@\"", workDir);
    }

    /** A stand-in {@code backpack} entry point, for testing the simulator itself. */
    public static AgentLauncher forScript(String shellBody, Path workDir) {
        try {
            Path binDir = Files.createDirectories(workDir.resolve("bin"));
            Path wrapper = binDir.resolve("backpack");
            Files.writeString(wrapper, "#!/bin/sh\n" + shellBody + "\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new AgentLauncher(binDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process start(List<String> command, List<String> args, Map<String, String> env, Path logFile) throws IOException {
        List<String> argv = new java.util.ArrayList<>(command);
        argv.addAll(args);
        List<String> shell;
        if (argv.size() >= 3 && argv.get(0).endsWith("sh") && "-c".equals(argv.get(1))) {
            shell = argv;
        } else {
            shell = List.of("/bin/sh", "-c", argv.stream().map(AgentLauncher::quote).collect(Collectors.joining(" ")));
        }
        ProcessBuilder pb = new ProcessBuilder(shell).redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().putAll(env);
        pb.environment().put("PATH", binDir + ":" + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        return pb.start();
    }

    static String quote(String arg) {
        return "'" + arg.replace("'", "'\"'\"'") + "'";
    }

    static boolean isAgent(List<String> command, List<String> args, String containerName) {
        List<String> all = new java.util.ArrayList<>(command == null ? List.of() : command);
        all.addAll(args == null ? List.of() : args);
        return "backpack".equals(containerName) || all.stream().anyMatch(a -> a.equals("backpack") || a.startsWith("backpack ")
                || a.contains("/backpack ") || a.endsWith("/backpack"));
    }
}
