/** The in-app feed: a notification per case event worth telling a caseworker about, and its delivery log. */
@NullMarked
package org.haven.notifications.feed;

import org.jspecify.annotations.NullMarked;
