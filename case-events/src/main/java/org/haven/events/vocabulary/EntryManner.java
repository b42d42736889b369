package org.haven.events.vocabulary;

/** How the client last entered the United States. */
public enum EntryManner { PAROLED, ADMITTED_REFUGEE, ADMITTED_OTHER, WITHOUT_INSPECTION }
