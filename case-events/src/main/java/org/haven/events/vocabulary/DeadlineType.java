package org.haven.events.vocabulary;

/** The computed deadlines of architecture.md; eligibility-service computes them, case-service schedules them. */
public enum DeadlineType {
    ASYLUM_ONE_YEAR,
    PAROLE_EXPIRY,
    REPAROLE_WINDOW_OPENS,
    REPAROLE_RECOMMENDED_BY,
    EAD_C8_EARLIEST_FILING,
    EAD_C8_EARLIEST_GRANT,
    EAD_RENEWAL_WINDOW_OPENS,
    EAD_EXPIRY,
    ADJUSTMENT_ELIGIBLE,
    UNLAWFUL_PRESENCE_180,
    UNLAWFUL_PRESENCE_365,
    RCA_RMA_ENDS,
    TPS_REGISTRATION_ENDS,
    RFE_RESPONSE_DUE,
    ANNUAL_ASYLUM_FEE_DUE
}
