package org.haven.eligibility.rules.tps;

import org.haven.eligibility.calendar.FederalHolidays;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every TPS designation Haven knows, read from a YAML file and validated as a whole: a file with any problem is
 * refused with every problem listed, so that the service does not start on wrong dates.
 *
 * @param dataVersion the file's own version; part of the rule-set version, so that an answer names the data it used
 */
public record TpsDesignations(String dataVersion, List<TpsDesignation> designations) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** A Federal Register citation: volume, "FR", first page. */
    private static final Pattern FEDERAL_REGISTER = Pattern.compile("\\d{2,3} FR \\d{1,6}");
    private static final LocalDate EARLIEST = LocalDate.of(FederalHolidays.FIRST_YEAR, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(FederalHolidays.LAST_YEAR, 12, 31);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public TpsDesignations {
        designations = designations.stream()
                .sorted(Comparator.comparing(TpsDesignation::country).thenComparing(TpsDesignation::registrationStart))
                .toList();
    }

    /** The file's shape; nullable everywhere so that a missing field is reported by name, not as a parse error. */
    record File(@Nullable String dataVersion, @Nullable List<Entry> designations) {
    }

    record Entry(@Nullable String country, @Nullable LocalDate designationStart, @Nullable LocalDate designationEnd,
                 @Nullable LocalDate registrationStart, @Nullable LocalDate registrationEnd,
                 @Nullable String citation, @Nullable Boolean verified, @Nullable String note) {
    }

    public static TpsDesignations load(String source, InputStream content) {
        File file;
        try (content) {
            file = YAML.readValue(content, File.class);
        } catch (JacksonException e) {
            throw new InvalidTpsDesignationsException(source, e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new InvalidTpsDesignationsException(source, "cannot be read: " + e.getMessage(), e);
        }
        if (file == null) {
            throw new InvalidTpsDesignationsException(source, List.of("the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        if (file.dataVersion() == null || file.dataVersion().isBlank()) {
            problems.add("dataVersion is missing");
        }
        if (file.designations() == null) {
            problems.add("designations is missing (an empty list is allowed)");
        }
        List<TpsDesignation> designations = new ArrayList<>();
        List<Entry> entries = file.designations() == null ? List.of() : file.designations();
        for (int i = 0; i < entries.size(); i++) {
            validated("designations[" + i + "]", entries.get(i), problems).ifPresent(designations::add);
        }
        Set<String> seen = new HashSet<>();
        for (TpsDesignation designation : designations) {
            if (!seen.add(designation.country() + "@" + designation.registrationStart())) {
                problems.add("two designations of " + designation.country() + " have the same registrationStart "
                        + designation.registrationStart());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTpsDesignationsException(source, problems);
        }
        return new TpsDesignations(file.dataVersion(), designations);
    }

    private static java.util.Optional<TpsDesignation> validated(String path, @Nullable Entry entry, List<String> problems) {
        if (entry == null) {
            problems.add(path + " is empty");
            return java.util.Optional.empty();
        }
        int before = problems.size();
        if (entry.country() == null || !COUNTRY.matcher(entry.country()).matches()) {
            problems.add(path + ".country must be an ISO 3166-1 alpha-2 code in capitals, e.g. UA (was " + entry.country() + ")");
        }
        requireDate(path + ".designationStart", entry.designationStart(), problems);
        requireDate(path + ".designationEnd", entry.designationEnd(), problems);
        requireDate(path + ".registrationStart", entry.registrationStart(), problems);
        requireDate(path + ".registrationEnd", entry.registrationEnd(), problems);
        requireOrder(path, "designationStart", entry.designationStart(), "designationEnd", entry.designationEnd(), problems);
        requireOrder(path, "registrationStart", entry.registrationStart(), "registrationEnd", entry.registrationEnd(), problems);
        requireOrder(path, "registrationEnd", entry.registrationEnd(), "designationEnd", entry.designationEnd(), problems);
        if (entry.verified() == null) {
            problems.add(path + ".verified is missing: say true only for an entry checked against its Federal Register notice");
        }
        if (entry.citation() == null || entry.citation().isBlank()) {
            problems.add(path + ".citation is missing");
        } else if (Boolean.TRUE.equals(entry.verified()) && !FEDERAL_REGISTER.matcher(entry.citation()).find()) {
            problems.add(path + ".citation of a verified entry must name its Federal Register notice, e.g. 87 FR 23211 (was '"
                    + entry.citation() + "')");
        }
        if (Boolean.FALSE.equals(entry.verified()) && (entry.note() == null || entry.note().isBlank())) {
            problems.add(path + ".note must say what is unverified about an entry with verified: false");
        }
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TpsDesignation(entry.country(), entry.designationStart(), entry.designationEnd(),
                entry.registrationStart(), entry.registrationEnd(), entry.citation().trim(), entry.verified(), entry.note()));
    }

    private static void requireDate(String path, @Nullable LocalDate date, List<String> problems) {
        if (date == null) {
            problems.add(path + " is missing");
        } else if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problems.add(path + " " + date + " is outside " + EARLIEST + " to " + LATEST);
        }
    }

    private static void requireOrder(String path, String firstName, @Nullable LocalDate first, String secondName,
                                     @Nullable LocalDate second, List<String> problems) {
        if (first != null && second != null && second.isBefore(first)) {
            problems.add(path + "." + secondName + " " + second + " is before " + firstName + " " + first);
        }
    }

    public List<TpsDesignation> of(String country) {
        String code = country.toUpperCase(Locale.ROOT);
        return designations.stream().filter(designation -> designation.country().equals(code)).toList();
    }

    /** The designation whose initial registration window contains the date, for a country. */
    public java.util.Optional<TpsDesignation> windowContaining(String country, LocalDate date) {
        return of(country).stream().filter(designation -> designation.registrationWindow().contains(date)).findFirst();
    }

    public long unverifiedCount() {
        return designations.stream().filter(designation -> !designation.verified()).count();
    }
}
