package org.haven.bench;

import java.util.Arrays;

/** Recorded latencies in microseconds; percentiles by sorting (fine for the sample sizes of these runs). */
final class Latencies {

    private long[] micros = new long[1 << 16];
    private int count;

    synchronized void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, micros.length * 2);
        }
        micros[count++] = nanos / 1_000;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.micros[i] * 1_000);
        }
    }

    synchronized int count() {
        return count;
    }

    /** @return the percentile in milliseconds */
    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(percentile / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
