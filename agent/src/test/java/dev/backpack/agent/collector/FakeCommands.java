package dev.backpack.agent.collector;

import dev.backpack.agent.host.CommandRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plays recorded tool output: {@code tool name → stdout}; tools not listed are not installed. */
public final class FakeCommands implements CommandRunner {
    private final Map<String, String> outputs;
    public final List<List<String>> calls = new ArrayList<>();

    public FakeCommands(Map<String, String> outputs) {
        this.outputs = outputs;
    }

    @Override
    public Optional<String> find(String executable) {
        return outputs.containsKey(executable) ? Optional.of("/usr/bin/" + executable) : Optional.empty();
    }

    @Override
    public String run(List<String> command, Duration timeout) {
        calls.add(command);
        String tool = command.get(0).substring(command.get(0).lastIndexOf('/') + 1);
        return outputs.get(tool);
    }
}
