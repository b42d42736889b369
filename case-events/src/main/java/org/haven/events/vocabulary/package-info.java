/** The codes of the case vocabulary, shared by every service through the Kafka contract. */
@NullMarked
package org.haven.events.vocabulary;

import org.jspecify.annotations.NullMarked;
