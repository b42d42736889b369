package org.haven.events.vocabulary;

public enum AdjustmentBasis { REFUGEE, ASYLEE, OTHER }
