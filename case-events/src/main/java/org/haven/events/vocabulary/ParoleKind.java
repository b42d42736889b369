package org.haven.events.vocabulary;

public enum ParoleKind { INITIAL, RE_PAROLE }
