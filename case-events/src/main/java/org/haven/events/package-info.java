/**
 * The Kafka contract between Haven's services: topic names, header names, the envelope and the event
 * payloads. Payloads carry ids, dates and codes only — never names, contact details or free text.
 */
@NullMarked
package org.haven.events;

import org.jspecify.annotations.NullMarked;
