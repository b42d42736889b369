package org.haven.deploy.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * PostgreSQL runs under the launcher's JVM (zonky pipes the server's output into SLF4J), so its log is
 * routed to a file of its own here. Done in code because {@code logback.xml} is shared with the Kafka
 * broker's JVM, which has the same classpath.
 */
final class LauncherLogging {

    private static final String APPENDER = "haven-postgres-file";

    private LauncherLogging() {
    }

    static void routePostgresOutputTo(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger zonky = context.getLogger("io.zonky");
        var previous = zonky.getAppender(APPENDER);
        if (previous != null) {
            zonky.detachAppender(previous);
            previous.stop();
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        zonky.addAppender(appender);
        zonky.setLevel(Level.INFO);
        zonky.setAdditive(false);
    }
}
