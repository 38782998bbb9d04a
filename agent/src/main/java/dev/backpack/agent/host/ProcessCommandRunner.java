package dev.backpack.agent.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs commands as child processes, looking them up on the PATH it was given. */
public final class ProcessCommandRunner implements CommandRunner {
    private final String path;

    /** @param path a PATH-style list of directories (the agent passes its environment's PATH) */
    public ProcessCommandRunner(String path) {
        this.path = path == null ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" : path;
    }

    @Override
    public Optional<String> find(String executable) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    @Override
    public String run(List<String> command, Duration timeout) throws CommandFailedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new CommandFailedException(command.get(0) + " could not be started: " + e.getMessage());
        }
        // Read both streams concurrently so a chatty tool cannot block on a full pipe.
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CommandFailedException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                String err = stderr.join().strip();
                throw new CommandFailedException(command.get(0) + " exited with " + process.exitValue()
                        + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")));
            }
            return stdout.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandFailedException(command.get(0) + " was interrupted");
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
