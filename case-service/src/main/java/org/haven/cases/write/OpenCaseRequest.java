package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** {@code POST /api/cases}, as in the public API contract. */
record OpenCaseRequest(
        @NotNull @Valid ClientRequest client,
        @Nullable @PastOrPresent LocalDate lastArrivalDate,
        @Nullable Boolean unaccompaniedMinor) {
}
