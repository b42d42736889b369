package org.haven.notifications.preferences;

import jakarta.validation.Valid;
import org.haven.events.ReminderSettings;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.notifications.delivery.Channel;
import org.haven.notifications.policy.NotificationPolicy;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.InvalidFieldException;
import org.haven.support.problem.ProblemDetailsAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The caller's organization's notification preferences. ADMIN only (see {@code access.AdminOnly}). */
@RestController
@RequestMapping("/api/notification-preferences")
class PreferencesController {

    static final int MAX_LEAD_DAYS = 730;
    private static final Logger log = LoggerFactory.getLogger(PreferencesController.class);

    private final PreferencesRepository repository;
    private final ReminderSettingsPublisher reminderSettings;
    private final TransactionTemplate transactions;

    PreferencesController(PreferencesRepository repository, ReminderSettingsPublisher reminderSettings,
                          TransactionTemplate transactions) {
        this.repository = repository;
        this.reminderSettings = reminderSettings;
        this.transactions = transactions;
    }

    @GetMapping
    NotificationPreferences get() {
        return repository.of(HavenIdentity.current().organizationId());
    }

    @PutMapping
    NotificationPreferences put(@Valid @RequestBody PreferencesRequest request) {
        HavenIdentity admin = HavenIdentity.current();
        NotificationPreferences preferences = new NotificationPreferences(
                eventTypes(Objects.requireNonNull(request.eventTypes())),
                channels(Objects.requireNonNull(request.channels())),
                leadTimes(Objects.requireNonNull(request.reminderLeadTimes())), null, null);
        return transactions.execute(status -> {
            NotificationPreferences saved = repository.save(admin.organizationId(), preferences, admin.subject());
            reminderSettings.publish(new ReminderSettings(admin.organizationId(), saved.reminderLeadTimes(),
                    Objects.requireNonNull(saved.updatedAt())));
            return saved;
        });
    }

    /** The change was rolled back: case-service would not have learnt the new lead times. */
    @ExceptionHandler(ReminderSettingsPublisher.SettingsNotPublishedException.class)
    ResponseEntity<ProblemDetail> notPublished(ReminderSettingsPublisher.SettingsNotPublishedException e) {
        log.warn("Answered 503: {}", e.getMessage());
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE,
                "The reminder lead times could not be handed to Kafka; nothing was changed. Try again shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    private static List<String> eventTypes(List<String> requested) {
        Set<String> known = NotificationPolicy.eventTypes();
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!known.contains(requested.get(i))) {
                throw new InvalidFieldException("eventTypes[" + i + "]",
                        "is not an event type that gives notifications; one of " + String.join(", ", known));
            }
            chosen.add(requested.get(i));
        }
        return new ArrayList<>(chosen);
    }

    private static List<Channel> channels(List<String> requested) {
        Set<Channel> chosen = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String name = requested.get(i);
            Channel channel = NotificationPreferences.OPTIONAL_CHANNELS.stream()
                    .filter(optional -> optional.name().equals(name)).findFirst().orElse(null);
            if (channel == null) {
                throw new InvalidFieldException("channels[" + i + "]", "must be EMAIL or WEBHOOK (the in-app feed is always on)");
            }
            chosen.add(channel);
        }
        return new ArrayList<>(chosen);
    }

    private static Map<DeadlineType, List<Integer>> leadTimes(Map<DeadlineType, List<Integer>> requested) {
        Map<DeadlineType, List<Integer>> leadTimes = new EnumMap<>(DeadlineType.class);
        requested.forEach((type, days) -> {
            for (int i = 0; i < days.size(); i++) {
                int day = days.get(i);
                if (day < 1 || day > MAX_LEAD_DAYS) {
                    throw new InvalidFieldException("reminderLeadTimes." + type + "[" + i + "]",
                            "must be between 1 and " + MAX_LEAD_DAYS + " days");
                }
            }
            leadTimes.put(type, days.stream().distinct().sorted(Comparator.reverseOrder()).toList());
        });
        return leadTimes;
    }
}
