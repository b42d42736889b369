package org.haven.events.vocabulary;

/** USCIS triages parole requests by urgency, not filing order. */
public enum ParoleUrgency { ROUTINE, URGENT, EMERGENCY }
