package org.haven.deploy.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's SMTP server (GreenMail): accepts every message, delivers nothing, and writes each one
 * to {@code <data>/mail/*.eml} so that a developer can read what Haven would have sent.
 */
public final class LocalMail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMail.class);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final GreenMail greenMail;
    private final int port;
    private final Path directory;
    private final ScheduledExecutorService saver;
    private int saved;

    private LocalMail(GreenMail greenMail, int port, Path directory) {
        this.greenMail = greenMail;
        this.port = port;
        this.directory = directory;
        this.saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "haven-mail-capture");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static LocalMail start(int smtpPort, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        LocalMail mail = new LocalMail(greenMail, smtpPort, directory);
        mail.saver.scheduleWithFixedDelay(mail::saveNewMessages, 1, 1, TimeUnit.SECONDS);
        log.info("SMTP capture on localhost:{} (messages in {})", smtpPort, directory);
        return mail;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /** Every message received since the start, oldest first. */
    public MimeMessage[] receivedMessages() {
        return greenMail.getReceivedMessages();
    }

    private synchronized void saveNewMessages() {
        try {
            MimeMessage[] messages = greenMail.getReceivedMessages();
            for (; saved < messages.length; saved++) {
                MimeMessage message = messages[saved];
                Path file = directory.resolve(FILE_TIME.format(Instant.now()) + "-" + saved + "-"
                        + safe(firstRecipient(message)) + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            log.warn("Could not save a captured email to {}", directory, e);
        }
    }

    private static String firstRecipient(MimeMessage message) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        return recipients == null || recipients.length == 0 ? "unknown" : recipients[0].toString();
    }

    private static String safe(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9@._-]", "_");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }

    @Override
    public void close() {
        saver.shutdown();
        try {
            saver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saveNewMessages();
        greenMail.stop();
    }
}
