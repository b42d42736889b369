package org.haven.deploy.local;

import java.util.List;

/** A process of the stack did not come up; the message names its log and quotes the end of it. */
public final class StackStartupException extends RuntimeException {

    private static final int TAIL_LINES = 40;

    StackStartupException(String message, ServiceProcess process) {
        this(message, List.of(process));
    }

    StackStartupException(String message, List<ServiceProcess> processes) {
        super(describe(message, processes));
    }

    private static String describe(String message, List<ServiceProcess> processes) {
        StringBuilder text = new StringBuilder(message);
        int lines = processes.size() > 1 ? TAIL_LINES / 2 : TAIL_LINES;
        for (ServiceProcess process : processes) {
            text.append(System.lineSeparator())
                    .append("--- ").append(process.name()).append(": last lines of ").append(process.logFile())
                    .append(" ---").append(System.lineSeparator())
                    .append(process.tail(lines));
        }
        return text.toString();
    }
}
