package org.haven.cases.scaling;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.haven.cases.config.EventStoreConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shares the tracking processors' segments between the live instances. Axon 4 without Axon Server does not:
 * an instance claims every segment it has a free thread for, so the first instance up would keep them all.
 * Every {@code heartbeat} this instance records itself in {@code tracking_node} and counts the instances seen
 * within {@code liveWithin}; a processor of which it holds more than its share (segments ÷ live instances,
 * rounded up) gives one segment up for {@code releaseFor}, and an idle thread of another instance claims it.
 * One release per processor at a time, so a share shrinks by steps and never below what is fair. Each
 * processor keeps enough threads for all its segments: an instance left alone claims the others' again once
 * their claims are released or expire.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** The name the token store claims segments under. */
    private final String nodeId = EventStoreConfiguration.NODE_ID;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ScalingProperties properties;
    private final Map<String, Instant> releasedAt = new HashMap<>();
    private volatile boolean running;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, ScalingProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${haven.scaling.heartbeat:2s}", initialDelayString = "${haven.scaling.heartbeat:2s}")
    void balance() {
        if (!running) {
            return;
        }
        try {
            int live = heartbeat();
            processing.eventProcessors().values().stream()
                    .filter(TrackingEventProcessor.class::isInstance)
                    .map(TrackingEventProcessor.class::cast)
                    .filter(TrackingEventProcessor::isRunning)
                    .forEach(processor -> balance(processor, live));
        } catch (RuntimeException e) {
            // the database is away; the claims stay as they are and the next heartbeat tries again
            log.debug("Could not balance the tracking segments", e);
        }
    }

    /** Records this instance as alive; returns how many are (this one included). */
    int heartbeat() {
        jdbc.update("insert into tracking_node (node_id, last_seen) values (?, now())"
                + " on conflict (node_id) do update set last_seen = excluded.last_seen", nodeId);
        Integer live = jdbc.queryForObject("select count(*) from tracking_node where last_seen > now() - ?::interval",
                Integer.class, properties.liveWithin().toMillis() + " milliseconds");
        return Math.max(1, live == null ? 1 : live);
    }

    private void balance(TrackingEventProcessor processor, int live) {
        String name = processor.getName();
        Instant lastRelease = releasedAt.get(name);
        if (lastRelease != null && Instant.now().isBefore(lastRelease.plus(properties.releaseFor()))) {
            return; // the last release is still on offer
        }
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, name);
        if (segments == null || segments == 0) {
            return;
        }
        int share = (segments + live - 1) / live;
        var held = processor.processingStatus();
        if (held.size() <= share) {
            return;
        }
        int segment = held.keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
        log.info("{} holds {} of {} segments of {} with {} instances alive; releasing segment {} for {}",
                nodeId, held.size(), segments, name, live, segment, properties.releaseFor());
        processor.releaseSegment(segment, properties.releaseFor().toMillis(), TimeUnit.MILLISECONDS);
        releasedAt.put(name, Instant.now());
    }

    /**
     * A stopping instance leaves before its processors release their segments (this phase stops before Axon's),
     * so the others count one instance less at once and keep what they claim, instead of giving a segment away
     * to an instance that is going. Bounded: a database already gone must not hold up the shutdown.
     */
    @Override
    public void stop() {
        running = false;
        Thread leaving = Thread.ofVirtual().start(() -> {
            try {
                jdbc.update("delete from tracking_node where node_id = ?", nodeId);
            } catch (RuntimeException e) {
                log.debug("Could not remove {} from tracking_node; it ages out", nodeId, e);
            }
        });
        try {
            leaving.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // Axon's configuration stops at Integer.MAX_VALUE - 3072, after this
    }
}
