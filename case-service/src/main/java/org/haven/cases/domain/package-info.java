/**
 * The case's vocabulary: commands (imperative) and events (past tense, {@code @Revision}ed records,
 * serialized as JSON). Shared by the write side, the read side and the audit slice; depends on neither.
 */
@NullMarked
package org.haven.cases.domain;

import org.jspecify.annotations.NullMarked;
