package org.haven.notifications.feed;

/**
 * The text of an in-app notification. The key is what a Spanish (or any other) template will be looked up
 * by; the English text is stored beside it so that the feed reads well before the templates exist.
 */
enum FeedMessage {

    CASE_OPENED("case.opened", "Case opened");

    private final String key;
    private final String english;

    FeedMessage(String key, String english) {
        this.key = key;
        this.english = english;
    }

    String key() {
        return key;
    }

    String english() {
        return english;
    }
}
