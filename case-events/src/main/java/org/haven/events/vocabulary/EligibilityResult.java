package org.haven.events.vocabulary;

public enum EligibilityResult { ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW }
