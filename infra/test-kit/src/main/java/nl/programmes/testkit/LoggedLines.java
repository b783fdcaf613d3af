package nl.programmes.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * What a class of the service under test logs, from now until {@link #close()}: for a test that waits until something
 * happened that only a log line tells (a try that failed), or that checks what an operator is told.
 */
public final class LoggedLines implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    private LoggedLines(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        lines.start();
        logger.addAppender(lines);
    }

    public static LoggedLines of(Class<?> source) {
        return new LoggedLines(source);
    }

    /** Whether a line was logged that holds every one of these texts. */
    public boolean any(String... texts) {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> Arrays.stream(texts).allMatch(line::contains));
    }

    @Override
    public void close() {
        logger.detachAppender(lines);
    }
}
