package org.haven.cases.write;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Year;

/** Human-readable case numbers, {@code HVN-2026-000042}, from a database sequence shared by all instances. */
@Component
class CaseNumbers {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    String next() {
        Long number = jdbc.queryForObject("select nextval('case_number_seq')", Long.class);
        return "HVN-%d-%06d".formatted(Year.now(clock).getValue(), number);
    }
}
