package org.haven.notifications.feed;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Hears every committed notification through PostgreSQL {@code LISTEN}/{@code NOTIFY}, so that a caseworker's
 * stream on one instance gets the notifications another instance consumed. Uses a connection of its own,
 * outside the pool, held for as long as the service runs; reconnects when it drops. A notification committed
 * while the connection is down is not pushed — it is in the feed, which the UI reloads when it reconnects.
 */
@Component
class FeedSignals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedSignals.class);
    private static final int WAIT_MILLIS = 5_000;

    private final JdbcConnectionDetails database;
    private final FeedStream stream;
    private volatile boolean running;
    private Thread listener;

    FeedSignals(JdbcConnectionDetails database, FeedStream stream) {
        this.database = database;
        this.stream = stream;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = Thread.ofPlatform().name("feed-signals").daemon().start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long pause = 500;
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
                    database.getPassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + Notifications.SIGNAL_CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                pause = 500;
                while (running) {
                    PGNotification[] signals = postgres.getNotifications(WAIT_MILLIS);
                    if (signals != null) {
                        for (PGNotification signal : signals) {
                            String[] organizationAndId = signal.getParameter().split(" ", 2);
                            stream.published(organizationAndId[0], UUID.fromString(organizationAndId[1]));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Listening for feed signals failed; reconnecting in {} ms: {}", pause, e.toString());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, 30_000);
            }
        }
    }
}
