/**
 * The in-app feed: every notification of an organization, newest first, with its deliveries and each reader's
 * read state; a server-sent-events stream pushes new ones to the caseworker UI on every instance.
 */
@NullMarked
package org.haven.notifications.feed;

import org.jspecify.annotations.NullMarked;
