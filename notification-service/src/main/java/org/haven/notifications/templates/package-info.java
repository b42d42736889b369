/**
 * The words of notifications in English and Spanish: message, next step, kind and email layout, from
 * {@code notifications/messages.properties} and {@code messages_es.properties}, with dates written the local way.
 */
@NullMarked
package org.haven.notifications.templates;

import org.jspecify.annotations.NullMarked;
