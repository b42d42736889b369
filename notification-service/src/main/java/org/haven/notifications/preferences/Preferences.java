package org.haven.notifications.preferences;

import org.springframework.stereotype.Service;

/** Reads an organization's preferences for the notifications being made. */
@Service
public class Preferences {

    private final PreferencesRepository repository;

    Preferences(PreferencesRepository repository) {
        this.repository = repository;
    }

    public NotificationPreferences of(String organizationId) {
        return repository.of(organizationId);
    }
}
