package org.cooperationdesk.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a phase's CPU went, on Linux: the benchmark's clients (the CPU time of the threads that drive the lifecycles),
 * the server that answers them (our application runs in the benchmark JVM: that JVM's CPU less the clients'; the bare
 * REST server is a JVM of its own) and PostgreSQL (its server processes, those that ended included). On two cores
 * shared by all three, a lifecycle's throughput is about the cores divided by what one lifecycle costs in all.
 * Elsewhere (no {@code /proc}) the server's and the database's parts read as unknown.
 */
final class CpuTime {

    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on. */
    private static final double NANOS_PER_TICK = 1e9 / 100;

    /** What the phase's clients, its server and PostgreSQL took, in nanoseconds of CPU; -1 where unknown. */
    record Usage(long clients, long server, long database) {

        static final Usage UNKNOWN = new Usage(-1, -1, -1);

        String perLifecycle(int lifecycles) {
            return server < 0 ? "" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f", millis(server, lifecycles),
                    millis(database, lifecycles), millis(clients, lifecycles));
        }

        private static double millis(long nanos, int lifecycles) {
            return nanos < 0 ? Double.NaN : nanos / 1e6 / Math.max(1, lifecycles);
        }
    }

    /** A reading before a phase: {@link #since(long)} gives the phase's usage. */
    private final long benchmarkJvm;
    private final long otherServer;
    private final long database;
    private final Long otherServerPid;

    private CpuTime(Long otherServerPid) {
        this.otherServerPid = otherServerPid;
        this.benchmarkJvm = benchmarkJvm();
        this.otherServer = otherServerPid == null ? 0 : process(otherServerPid);
        this.database = postgres();
    }

    /** Before a phase whose server is our application, in this JVM. */
    static CpuTime ofThisJvm() {
        return new CpuTime(null);
    }

    /** Before a phase whose server is the JVM {@code pid}. */
    static CpuTime ofServer(long pid) {
        return new CpuTime(pid);
    }

    /** The phase's usage, given what its client threads took (summed by the driver). */
    Usage since(long clientNanos) {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return Usage.UNKNOWN;
        }
        long jvm = benchmarkJvm() - benchmarkJvm;
        long server = otherServerPid == null ? jvm - clientNanos : process(otherServerPid) - otherServer;
        return new Usage(clientNanos, server, postgres() - database);
    }

    private static long benchmarkJvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User and system time of a process, and of its children that ended ({@code /proc/<pid>/stat} fields 14 to 17). */
    private static long process(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count the fields after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 14; field <= 17; field++) {
                ticks += Long.parseLong(fields[field - 3]);
            }
            return (long) (ticks * NANOS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between the listing and the reading
        }
    }

    /**
     * Every PostgreSQL process: the postmaster (with the backends that ended, as its children's time) and the running
     * backends and workers.
     */
    private static long postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            List<Long> pids = processes.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::valueOf).filter(CpuTime::isPostgres).toList();
            return pids.stream().mapToLong(CpuTime::process).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isPostgres(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).startsWith("postgres");
        } catch (IOException e) {
            return false;
        }
    }
}
