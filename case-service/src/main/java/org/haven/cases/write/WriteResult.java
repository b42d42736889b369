package org.haven.cases.write;

import java.util.UUID;

/** What every write answers: the case and the version its history has reached. */
record WriteResult(UUID id, long version) {
}
