package dev.backpack.agent.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Every error ends as one line on stderr, {@code backpack: <cause and fix>}, and an exit code from
 * {@link ExitCodes}. Stack traces only with {@code --verbose}: a user's typo is not a crash.
 */
final class ErrorHandler implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("backpack: " + ex.getMessage() + " (see 'backpack --help')");
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code;
        String message;
        if (ex instanceof BackpackException be) {
            code = be.exitCode();
            message = be.getMessage();
        } else {
            code = ExitCodes.FAILURE;
            message = "unexpected error: " + (ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage());
        }
        err.println("backpack: " + message);
        if (parseResult.hasMatchedOption("--verbose")) {
            ex.printStackTrace(err);
        }
        err.flush();
        if (commandLine.getCommand() instanceof AgentCommand command && code == ExitCodes.FAILURE) {
            command.writeTerminationLog(message);
        }
        return code;
    }
}
