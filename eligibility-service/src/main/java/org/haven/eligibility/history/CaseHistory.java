package org.haven.eligibility.history;

import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.EntryRecorded;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The facts of one person in the order they were recorded, as records of the case vocabulary. Recording
 * order is not date order: a parole granted abroad is recorded before the entry it allows, yet a USCIS
 * approval may carry an earlier date than a later-recorded entry.
 */
public record CaseHistory(Person person, List<CaseEventPayload> events) {

    public CaseHistory {
        events = List.copyOf(events);
    }

    public <T extends CaseEventPayload> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends CaseEventPayload> Optional<T> last(Class<T> type) {
        return lastMatching(type, event -> true);
    }

    public <T extends CaseEventPayload> Optional<T> first(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public <T extends CaseEventPayload> Optional<T> lastMatching(Class<T> type, Predicate<? super T> condition) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i)) && condition.test(type.cast(events.get(i)))) {
                return Optional.of(type.cast(events.get(i)));
            }
        }
        return Optional.empty();
    }

    /** The latest arrival: the latest recorded entry, or the arrival the case was opened with. */
    public Optional<LocalDate> lastArrival() {
        return lastArrivalOnOrBefore(LocalDate.MAX);
    }

    public Optional<LocalDate> lastArrivalOnOrBefore(LocalDate date) {
        LocalDate latest = person.lastArrivalDate() != null && !person.lastArrivalDate().isAfter(date)
                ? person.lastArrivalDate() : null;
        for (EntryRecorded entry : all(EntryRecorded.class)) {
            if (!entry.date().isAfter(date) && (latest == null || entry.date().isAfter(latest))) {
                latest = entry.date();
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The events recorded after the given one (by position, not by date). */
    public List<CaseEventPayload> after(CaseEventPayload event) {
        int position = indexOf(event);
        return events.subList(position + 1, events.size());
    }

    /** The events recorded before the given one (by position, not by date). */
    public List<CaseEventPayload> before(CaseEventPayload event) {
        return events.subList(0, indexOf(event));
    }

    private int indexOf(CaseEventPayload event) {
        for (int i = 0; i < events.size(); i++) {
            // identity: two equal records (the same fact recorded twice) are still two positions
            if (events.get(i) == event) {
                return i;
            }
        }
        throw new IllegalArgumentException("Not an event of this history: " + event);
    }
}
