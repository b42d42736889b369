package org.haven.events.vocabulary;

public enum Pathway { PAROLE, REPAROLE, ASYLUM, REFUGEE_ADJUSTMENT, ASYLEE_ADJUSTMENT, TPS, EAD }
