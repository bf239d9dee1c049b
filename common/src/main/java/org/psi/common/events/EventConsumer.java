package org.psi.common.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps a local copy of another service's facts up to date from that service's event feed: pulls a
 * page (waiting at the source while there is nothing new), and applies it in one transaction together
 * with the new position ({@code event_position}), so an event is applied exactly once even when this
 * service or the source dies at any point: a page that was not committed here is pulled again, and
 * events at or below the recorded position are skipped. Several instances may run: the position row
 * is locked while a page is applied. Failures (the source down or frozen) are retried with backoff;
 * the copy then simply stays as it is, and this service keeps answering from it.
 */
public final class EventConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** Pulls one page from the source: the events after {@code after}, waiting up to {@code wait}. */
    @FunctionalInterface
    public interface Source {
        FeedPage fetch(long after, int limit, Duration wait) throws Exception;
    }

    /** Applies one event to the local copy, inside the page's transaction; must tolerate an event it has seen. */
    @FunctionalInterface
    public interface Handler {
        void apply(FeedEvent event);
    }

    /** Told after a page was committed (for metrics: how long events took from their commit to here). */
    @FunctionalInterface
    public interface Listener {
        void applied(FeedEvent event, Instant appliedAt);
    }

    private final String name;
    private final Source source;
    private final Handler handler;
    private final DataSource db;
    private final int limit;
    private final Duration wait;
    private Listener listener = (e, at) -> { };
    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile long position = -1;
    private volatile Thread thread;

    public EventConsumer(String name, Source source, Handler handler, DataSource db, int limit, Duration wait) {
        this.name = name;
        this.source = source;
        this.handler = handler;
        this.db = db;
        this.limit = limit;
        this.wait = wait;
    }

    public EventConsumer onApplied(Listener listener) {
        this.listener = listener;
        return this;
    }

    /** Starts pulling on a thread of its own. */
    public EventConsumer start() {
        Thread t = new Thread(this, "psi-events-" + name);
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Stops applying (the source keeps its events); for tests that must hold the copy still. */
    public void pause(boolean paused) {
        this.paused = paused;
    }

    /** Forgets the position held in memory: the next page starts from the recorded one, as after a restart. */
    public void reload() {
        position = -1;
    }

    /** The position applied so far (-1 before the first page). */
    public long position() {
        return position;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                if (paused) {
                    Thread.sleep(50);
                    continue;
                }
                long after = position >= 0 ? position : loadPosition();
                FeedPage page = source.fetch(after, limit, wait);
                if (paused) {
                    continue;
                }
                apply(page);
                backoff = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                position = -1;
                LOG.warnf("Events of %s could not be pulled or applied (%s: %s); retrying in %d ms", name,
                        e.getClass().getSimpleName(), e.getMessage(), backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Applies a page and records its position, in one transaction; answers the new position. */
    public long apply(FeedPage page) {
        long applied = QuarkusTransaction.requiringNew().call(() -> {
            long at = lockPosition();
            if (page.next() <= at) {
                return at;
            }
            for (FeedEvent e : page.events()) {
                if (e.seq() > at) {
                    handler.apply(e);
                }
            }
            savePosition(page.next());
            return page.next();
        });
        position = applied;
        Instant now = Instant.now();
        for (FeedEvent e : page.events()) {
            listener.applied(e, now);
        }
        return applied;
    }

    private long loadPosition() throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select position from event_position where source = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    private long lockPosition() throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into event_position (source, position, updated_at) values (?, 0, now()) on conflict do nothing")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select position from event_position where source = ? for update")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }
    }

    private void savePosition(long next) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update event_position set position = ?, updated_at = now() where source = ?")) {
            s.setLong(1, next);
            s.setString(2, name);
            s.executeUpdate();
        }
    }
}
