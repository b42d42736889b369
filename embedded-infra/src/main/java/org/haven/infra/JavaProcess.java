package org.haven.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A child JVM on the same Java as the current one (this machine's default java is too old). */
final class JavaProcess {

    private final ProcessBuilder builder;

    JavaProcess(ProcessBuilder builder) {
        this.builder = builder;
    }

    static String currentJavaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    JavaProcess redirectOutput(File file) {
        builder.redirectOutput(file);
        return this;
    }

    JavaProcess redirectOutput(ProcessBuilder.Redirect redirect) {
        builder.redirectOutput(redirect);
        return this;
    }

    JavaProcess redirectErrorStream(boolean redirect) {
        builder.redirectErrorStream(redirect);
        return this;
    }

    Process start0() {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + builder.command(), e);
        }
    }
}
