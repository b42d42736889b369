package org.haven.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CaseEventPayloadTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyEventOfTheVocabularyCanBeLookedUpByItsType() {
        List<Class<?>> records = allRecords(CaseEventPayload.class).toList();

        assertThat(records).hasSizeGreaterThan(30);
        assertThat(records).allSatisfy(type ->
                assertThat(CaseEventPayload.typeNamed(type.getSimpleName())).contains(type.asSubclass(CaseEventPayload.class)));
    }

    @Test
    void theContractNamesOfArchitectureMdExist() {
        Stream.of("ParoleGranted", "EadFiled", "ParoleExpiring", "AsylumFiled", "EligibilityAssessed",
                        "UnlawfulPresenceThresholdReached", "AdjustmentEligible", "AsylumDeadlineApproaching")
                .forEach(name -> assertThat(CaseEventPayload.typeNamed(name)).as(name).isPresent());
    }

    @Test
    void anEnvelopeSurvivesJsonWithItsTypedPayload() {
        var envelope = new CaseEventEnvelope<>(UUID.randomUUID(), "ParoleGranted", UUID.randomUUID(), "org-a", 3,
                Instant.parse("2026-11-28T10:00:00Z"),
                new CaseEventPayload.ParoleGranted(LocalDate.parse("2025-11-01"), LocalDate.parse("2026-10-31"), "U4U", null, "IOE0912345678"));

        String text = json.writeValueAsString(envelope);
        var type = json.getTypeFactory().constructParametricType(CaseEventEnvelope.class, CaseEventPayload.ParoleGranted.class);
        CaseEventEnvelope<?> read = json.readValue(text, type);

        assertThat(text).contains("\"validUntil\":\"2026-10-31\"").contains("\"type\":\"ParoleGranted\"");
        assertThat(read).isEqualTo(envelope);
    }

    @Test
    void unknownTypesAreNotFound() {
        assertThat(CaseEventPayload.typeNamed("SomethingElse")).isEmpty();
    }

    private static Stream<Class<?>> allRecords(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(type -> type.isRecord() ? Stream.of(type) : allRecords(type));
    }
}
