package org.haven.cases.domain;

/** Something that happened to one case; recorded in its history forever. */
public interface CaseEvent {

    CaseId caseId();
}
