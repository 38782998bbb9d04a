package dev.backpack.agent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.time.Instant;

/**
 * The agent's logging, set up in code (found by logback through {@code META-INF/services}): one line
 * per event on stderr (stdout carries the summary and JSON output), {@code dev.backpack} from INFO,
 * libraries (httpclient, opensearch-java, Jedis, fabric8) from WARN. Done without logback.xml because
 * parsing XML configuration loads several hundred classes, a visible share of a short-lived agent's
 * start-up. A {@code logback.xml} or {@code logback-test.xml} on the class path, or one given with
 * {@code -Dlogback.configurationFile}, still takes over.
 */
public final class AgentLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = AgentLogging.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            // Someone embedding the agent (tests, the simulator) brings their own configuration.
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        OneLineLayout layout = new OneLineLayout();
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("dev.backpack").setLevel(Level.INFO);
        // OSHI warns about each facility it lacks (libudev, lspci); the hardware modules' skip reasons say it once.
        context.getLogger("oshi").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * {@code --verbose}: the agent's own DEBUG lines, which carry the stack traces of failures the run
     * contains (a module's error, a failed bulk request) and reports in one line otherwise.
     */
    public static void verbose() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("dev.backpack").setLevel(Level.DEBUG);
        }
    }

    /** {@code 2026-11-26T16:40:00.123Z WARN  SearchSink: message}, then a stack trace if there is one. */
    static final class OneLineLayout extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            String logger = event.getLoggerName();
            StringBuilder line = new StringBuilder(128)
                    .append(Instant.ofEpochMilli(event.getTimeStamp()))
                    .append(' ')
                    .append(String.format("%-5s", event.getLevel()))
                    .append(' ')
                    .append(logger.substring(logger.lastIndexOf('.') + 1))
                    .append(": ")
                    .append(event.getFormattedMessage())
                    .append(CoreConstants.LINE_SEPARATOR);
            if (event.getThrowableProxy() != null) {
                line.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append(CoreConstants.LINE_SEPARATOR);
            }
            return line.toString();
        }
    }
}
