package org.psi.transfer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time spent, by who spent it: the transfer-service's HTTP threads, its saga workers, the
 * stand-ins (Jetty), the benchmark client, the rest of this JVM, and PostgreSQL (the embedded server
 * is a child process of this JVM). CPU time is what a busy machine cannot steal, unlike wall time.
 */
final class CpuMeter {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private CpuMeter() {
    }

    static Map<String, Long> snapshotNanos() {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String g : new String[] {"service http", "saga workers", "stand-ins", "bench client", "other jvm", "postgresql"}) {
            groups.put(g, 0L);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long threadTotal = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            threadTotal += cpu;
            String name = info.getThreadName();
            String group = name.startsWith("executor-thread") || name.startsWith("vert.x-") ? "service http"
                    : name.startsWith("saga-") ? "saga workers"
                    : name.startsWith("qtp") || name.startsWith("Connector-Scheduler") ? "stand-ins"
                    : name.startsWith("pool-") || name.startsWith("HttpClient") ? "bench client"
                    : null;
            if (group != null) {
                groups.merge(group, cpu, Long::sum);
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long named = groups.values().stream().mapToLong(Long::longValue).sum();
        groups.put("other jvm", Math.max(0, process - named));
        groups.put("postgresql", postgresNanos());
        return groups;
    }

    private static long postgresNanos() {
        int port = org.psi.common.test.PostgresResource.server().getPort();
        long ticks = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("-p " + port)
                        || java.util.Arrays.asList(a).contains(Integer.toString(port))).orElse(false))
                .findFirst()
                .map(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants())
                        .mapToLong(CpuMeter::ticks).sum())
                .orElse(0L);
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    private static long ticks(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime: fields 14 and 15 of /proc/<pid>/stat, 11 and 12 after the command
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }
}
