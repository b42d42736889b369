package org.haven.events.vocabulary;

/** INA 212(d)(5)(A): parole is for urgent humanitarian reasons or significant public benefit. */
public enum ParoleBasis { URGENT_HUMANITARIAN, SIGNIFICANT_PUBLIC_BENEFIT }
