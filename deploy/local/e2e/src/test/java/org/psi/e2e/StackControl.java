package org.psi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Faults for the stack the build started: a service frozen (SIGSTOP, as a hung process or a lost
 * network looks to its callers), killed without warning (SIGKILL, as a crash or a lost machine) and
 * started again by {@code deploy/local/run restart}. Only on a stack this build runs (its pid files
 * in {@code psi.stack.data}); against a stack started by hand the tests that need it are skipped.
 */
public final class StackControl {

    private static final String DATA = System.getProperty("psi.stack.data", "");
    private static final String RUN_SCRIPT = System.getProperty("psi.stack.run", "");

    private StackControl() {
    }

    public static void assumeControllable(String service) {
        Assumptions.assumeTrue(!DATA.isBlank() && !RUN_SCRIPT.isBlank() && Files.exists(pidFile(service)),
                "the stack was not started by this build: its processes are not ours to stop");
    }

    public static long pid(String service) {
        try {
            return Long.parseLong(Files.readString(pidFile(service)).trim());
        } catch (IOException e) {
            throw new AssertionError("no pid file for " + service, e);
        }
    }

    /** Stops the process where it is: connections stay open, nothing answers. */
    public static void freeze(long pid) {
        kill("-STOP", pid);
    }

    public static void thaw(long pid) {
        kill("-CONT", pid);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is lost. */
    public static void crash(long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("process " + pid + " is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("process " + pid + " did not die", e);
        }
    }

    /**
     * SIGKILL to PostgreSQL: the postmaster and every backend at once, as a crash of its machine would
     * (a backend left alive would keep its shared memory and the postmaster from starting again).
     */
    public static void crashPostgres() {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(Path.of(DATA, "postgres", "postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new AssertionError("no postmaster.pid: PostgreSQL is not running from " + DATA, e);
        }
        ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow(() -> new AssertionError("PostgreSQL is not running"));
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("PostgreSQL process " + p.pid() + " did not die", e);
            }
        }
    }

    public static void assumePostgresControllable() {
        Assumptions.assumeTrue(!DATA.isBlank() && !RUN_SCRIPT.isBlank() && Files.exists(Path.of(DATA, "postgres", "PG_VERSION")),
                "the stack was not started by this build: its PostgreSQL is not ours to kill");
    }

    /** {@code deploy/local/run instance <service> <k>}: instance k of a service (port + 100 (k - 1)), ready. */
    public static void startInstance(String service, int k) {
        assertEquals(0, run("bash", RUN_SCRIPT, "instance", service, Integer.toString(k)), "deploy/local/run instance " + service);
    }

    /** {@code deploy/local/run stop <part>}: one part of the stack stopped, the rest left running. */
    public static void stop(String part) {
        assertEquals(0, run("bash", RUN_SCRIPT, "stop", part), "deploy/local/run stop " + part);
    }

    /** {@code deploy/local/run restart <service>}: starts it again and waits until it is ready. */
    public static Duration restart(String service) {
        long start = System.nanoTime();
        assertEquals(0, run("bash", RUN_SCRIPT, "restart", service), "deploy/local/run restart " + service);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void kill(String signal, long pid) {
        assertEquals(0, run("kill", signal, Long.toString(pid)), "kill " + signal + " " + pid);
    }

    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            // through System.out, which the test runner captures (a child writing to the JVM's own stdout corrupts its channel)
            Thread copy = new Thread(() -> p.inputReader().lines().forEach(System.out::println));
            copy.setDaemon(true);
            copy.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 10 minutes");
            }
            copy.join(5_000);
            return p.exitValue();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path pidFile(String service) {
        return Path.of(DATA, "run", service + ".pid");
    }
}
