package org.haven.events.vocabulary;

/** Applicant-caused delays that stop the asylum EAD clock (8 CFR 208.7). */
public enum ClockStopReason { APPLICANT_RESCHEDULED, FAILURE_TO_APPEAR, RFE_PENDING, OTHER_APPLICANT_DELAY }
