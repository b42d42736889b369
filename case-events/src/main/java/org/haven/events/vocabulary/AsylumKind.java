package org.haven.events.vocabulary;

/** Affirmative: filed with USCIS. Defensive: raised before an immigration judge in removal proceedings. */
public enum AsylumKind { AFFIRMATIVE, DEFENSIVE }
