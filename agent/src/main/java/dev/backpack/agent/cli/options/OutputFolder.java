package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.contract.AgentFlags;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files sink's folder, made ready before anything is collected: created if missing, and proven
 * writable by creating (and removing) a file in it, so "not a folder" and "permission denied" are
 * said up front instead of after a whole collection. A real write, not {@code Files.isWritable}: root
 * passes every permission check, a read-only file system does not.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    public static void prepare(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        for (Path p = absolute; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw BackpackException.usage(AgentFlags.OUTPUT + " " + folder + ": " + p
                            + " is a file, not a folder; choose a folder with " + AgentFlags.OUTPUT);
                }
                break;
            }
        }
        try {
            Files.createDirectories(absolute);
            Files.delete(Files.createTempFile(absolute, ".backpack-", ".probe"));
        } catch (AccessDeniedException e) {
            throw BackpackException.usage(AgentFlags.OUTPUT + " " + folder + ": permission denied ("
                    + e.getFile() + "); choose a folder you can write with " + AgentFlags.OUTPUT);
        } catch (FileSystemException e) {
            throw BackpackException.usage(AgentFlags.OUTPUT + " " + folder + ": cannot write there ("
                    + (e.getReason() == null ? e.getFile() : e.getReason()) + "); choose another folder with "
                    + AgentFlags.OUTPUT);
        } catch (IOException e) {
            throw BackpackException.usage(AgentFlags.OUTPUT + " " + folder + ": cannot write there (" + e.getMessage()
                    + "); choose another folder with " + AgentFlags.OUTPUT);
        }
    }
}
