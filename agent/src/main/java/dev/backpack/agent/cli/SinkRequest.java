package dev.backpack.agent.cli;

import java.nio.file.Path;

/**
 * Everything a sink may need, handed to {@link SinkSelector} in one piece so a new sink (search
 * server, Redis de-duplication) is wired in the selector without touching the command.
 *
 * @param outputDirectory where files go when no server is given
 * @param environment     credentials come from here ({@code BACKPACK_ES_USERNAME}/{@code BACKPACK_ES_PASSWORD})
 */
public record SinkRequest(ServerOptions server, RedisOptions redis, LifecycleOptions lifecycle, Path outputDirectory,
                          String uuid, String nodeName, CliEnvironment environment) {
}
