package org.cooperationdesk.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one measured operation, with the wall-clock window they were taken in (for throughput). */
final class Latencies {

    String name;
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private volatile long windowNanos;
    private volatile CpuTime.Usage cpu = CpuTime.Usage.UNKNOWN;

    Latencies(String name) {
        this.name = name;
    }

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    /** The wall-clock time all the operations took together (throughput = count / window). */
    void window(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** The CPU the operations took, by whom (see {@link CpuTime}). */
    void cpu(CpuTime.Usage cpu) {
        this.cpu = cpu;
    }

    CpuTime.Usage cpu() {
        return cpu;
    }

    int count() {
        return nanos.size();
    }

    double throughputPerSecond() {
        return windowNanos == 0 ? Double.NaN : count() / (windowNanos / 1e9);
    }

    double percentileMillis(double percentile) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    double meanMillis() {
        synchronized (nanos) {
            return nanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
        }
    }
}
