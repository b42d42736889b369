package org.haven.events.vocabulary;

/** The filings an RFE can concern. */
public enum Filing { PAROLE_REQUEST, EAD, ASYLUM, TPS, ADJUSTMENT }
