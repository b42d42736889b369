package org.haven.eligibility;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Generated inputs for property tests: a fixed seed per property, so a failure names its sample and repeats
 * exactly; edge cases (leap days, year ends) are always included alongside the random ones.
 */
public final class Samples {

    private Samples() {
    }

    public static Stream<LocalDate> dates(String property, int count, String min, String max) {
        LocalDate from = LocalDate.parse(min);
        long span = LocalDate.parse(max).toEpochDay() - from.toEpochDay();
        Random random = new Random(property.hashCode());
        Stream<LocalDate> edges = Stream.of("2000-02-29", "2024-02-29", "2020-12-31", "2021-01-01", "2026-07-03", "2026-11-26")
                .map(LocalDate::parse)
                .filter(date -> !date.isBefore(from) && !date.isAfter(LocalDate.parse(max)));
        return Stream.concat(edges, Stream.generate(() -> from.plusDays((long) (random.nextDouble() * (span + 1)))).limit(count));
    }

    public static Random random(String property) {
        return new Random(property.hashCode());
    }

    public static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
