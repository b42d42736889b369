package org.haven.notifications.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Works off the delivery log: claims due rows, sends each on a virtual thread, records the outcome. It is
 * woken as soon as a consumer transaction that added deliveries commits, and otherwise looks every
 * {@code poll-interval} (for retries that came due and for rows of an instance that died).
 *
 * <p>What "exactly once" means here: a row is sent only by the sender that claimed it, and marked delivered
 * after the receiver accepted it. Between those two points lies a window no outbox can close: if this
 * process dies after the SMTP server or webhook receiver accepted the message but before the row is marked,
 * the row's lease runs out and it is sent again. Webhook receivers see the same {@code webhook-id} and can
 * drop it; an email is sent again with the same {@code Message-ID}, which some mail systems collapse.
 * Everywhere else — a redelivered Kafka message, a restart before sending, a second instance — nothing is
 * sent twice.
 */
@Component
@EnableConfigurationProperties(DeliveryProperties.class)
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final DeliveryLog deliveries;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final DeliveryProperties properties;
    private final Backoff backoff;
    private final Semaphore wakeups = new Semaphore(0);
    private final Semaphore inFlight;

    private volatile boolean running;
    private Thread loop;
    private ExecutorService sending;

    DeliveryWorker(DeliveryLog deliveries, List<ChannelSender> senders, DeliveryProperties properties) {
        this.deliveries = deliveries;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.properties = properties;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        this.inFlight = new Semaphore(properties.concurrency());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void deliveriesPending(DeliveriesPending pending) {
        wake();
    }

    public void wake() {
        wakeups.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        sending = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("delivery-", 0).factory());
        loop = Thread.ofPlatform().name("delivery-worker").daemon().start(this::work);
        log.info("Delivery worker started for {}", senders.keySet());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.interrupt();
        try {
            loop.join(STOP_GRACE.toMillis());
            sending.shutdown();
            if (!sending.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Sends still in flight at shutdown; their rows are sent again when their lease ends");
                sending.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Delivery worker stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        while (running) {
            try {
                int free = inFlight.availablePermits();
                if (free == 0) {
                    inFlight.acquire();
                    inFlight.release();
                    continue;
                }
                int wanted = Math.min(free, properties.batchSize());
                List<ClaimedDelivery> claimed = deliveries.claimDue(senders.keySet(), wanted);
                for (ClaimedDelivery delivery : claimed) {
                    inFlight.acquire();
                    sending.execute(() -> deliver(delivery));
                }
                if (claimed.size() < wanted) {
                    wakeups.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Claiming deliveries failed; trying again in {}", properties.pollInterval(), e);
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void deliver(ClaimedDelivery delivery) {
        try {
            Outcome outcome;
            try {
                outcome = senders.get(delivery.channel()).send(delivery);
            } catch (RuntimeException e) {
                log.warn("Sending delivery {} ({}) failed unexpectedly", delivery.id(), delivery.channel(), e);
                outcome = new Outcome.Retry(e.getClass().getSimpleName());
            }
            Duration retryIn = outcome instanceof Outcome.Retry retry
                    ? backoff.after(delivery.attempt(), retry.retryAfter())
                    : Duration.ZERO;
            deliveries.record(delivery, outcome, retryIn);
            if (!(outcome instanceof Outcome.Delivered)) {
                log.info("Delivery {} ({} to {}) attempt {}: {}", delivery.id(), delivery.channel(),
                        delivery.recipient(), delivery.attempt(), outcome);
            }
        } catch (RuntimeException e) {
            // The row stays claimed until its lease ends, then it is tried again.
            log.warn("Recording the outcome of delivery {} failed", delivery.id(), e);
        } finally {
            inFlight.release();
        }
    }
}
