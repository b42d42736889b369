/**
 * eligibility-service: the one place the legal rules of rules.md live. It owns the {@code haven_eligibility}
 * database and knows other services only through the Kafka contract in {@code case-events}.
 */
@NullMarked
package org.haven.eligibility;

import org.jspecify.annotations.NullMarked;
