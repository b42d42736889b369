package org.haven.cases.domain;

/** No case with this id for the caller's organization — another organization's case looks exactly like this. */
public class CaseNotFound extends RuntimeException {

    public CaseNotFound(CaseId caseId) {
        super("No case " + caseId);
    }
}
