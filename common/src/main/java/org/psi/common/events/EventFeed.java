package org.psi.common.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.psi.common.api.ProblemException;

/**
 * The reading side of a service's outbox: the feed that other PSI services pull
 * ({@code GET /internal/events?after=&limit=&waitSeconds=}), each reader only the streams it is
 * entitled to ({@link EventSettings#readers()}), in commit order, waiting a while when there is
 * nothing new (long poll). A reader's {@code after} is also its acknowledgement: everything up to it
 * has been applied, which is what {@link #awaitReaders} waits for.
 */
@io.quarkus.arc.Unremovable
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);
    public static final int MAX_LIMIT = 1000;

    private final DataSource db;
    private final EventSettings settings;
    private final Object commits = new Object();
    private final Object acks = new Object();

    public EventFeed(DataSource db, EventSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Called when a transaction that wrote events has committed: wakes the readers waiting here. */
    void committed() {
        synchronized (commits) {
            commits.notifyAll();
        }
    }

    /** The streams a reader (an OIDC client id) may read; 403 for a client that reads none. */
    public List<String> streamsOf(String reader) {
        List<String> streams = reader == null ? null : settings.readers().get(reader);
        if (streams == null || streams.isEmpty()) {
            throw ProblemException.forbidden("common.events.not-a-reader");
        }
        return streams;
    }

    /**
     * The events after {@code after} of the reader's streams, at most {@code limit}, waiting up to
     * {@code wait} for one to arrive. Records {@code after} as the reader's position.
     */
    public FeedPage read(String reader, long after, int limit, Duration wait) {
        List<String> streams = streamsOf(reader);
        if (after < 0) {
            throw ProblemException.invalid("after", "OUT_OF_RANGE", "common.events.after");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "OUT_OF_RANGE", "common.page.limit", MAX_LIMIT);
        }
        acknowledge(reader, after);
        Duration capped = wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
        long deadline = System.nanoTime() + capped.toNanos();
        long seen = System.nanoTime();
        long from = after;
        while (true) {
            FeedPage page = page(from, streams, limit);
            long left = deadline - System.nanoTime();
            if (!page.events().isEmpty() || left <= 0) {
                return page;
            }
            from = page.next();
            if (System.nanoTime() - seen > 1_000_000_000L) {
                // still here, waiting: live for read-your-writes
                acknowledge(reader, after);
                seen = System.nanoTime();
            }
            synchronized (commits) {
                try {
                    // a commit in this instance wakes us at once; one in another instance within 100 ms
                    commits.wait(Math.max(1, Math.min(100, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return page;
                }
            }
        }
    }

    /** One page, read in one statement so that the head and the events come from the same snapshot. */
    private FeedPage page(long after, List<String> streams, int limit) {
        String sql = """
                select h.head, e.seq, e.id, e.aggregatetype, e.aggregateid, e.type, e.occurred_at, e.payload::text
                  from (select coalesce(max(seq), 0) as head from outbox_event) h
                  left join lateral (
                        select seq, id, aggregatetype, aggregateid, type, occurred_at, payload from outbox_event
                         where seq > ? and seq <= h.head and aggregatetype = any(?)
                         order by seq limit ?) e on true
                 order by e.seq""";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, after);
            Array types = c.createArrayOf("varchar", streams.toArray());
            s.setArray(2, types);
            s.setInt(3, limit);
            List<FeedEvent> events = new ArrayList<>();
            long head = after;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    head = Math.max(after, r.getLong(1));
                    long seq = r.getLong(2);
                    if (!r.wasNull()) {
                        events.add(new FeedEvent(seq, r.getObject(3, UUID.class), r.getString(4), r.getString(5),
                                r.getString(6), r.getTimestamp(7).toInstant(), r.getString(8)));
                    }
                }
            }
            long next = events.size() == limit ? events.get(events.size() - 1).seq() : head;
            return new FeedPage(events, next);
        } catch (SQLException e) {
            throw new IllegalStateException("The event feed could not be read", e);
        }
    }

    private void acknowledge(String reader, long position) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into event_reader (reader, position, seen_at) values (?, ?, clock_timestamp())
                on conflict (reader) do update
                   set position = greatest(event_reader.position, excluded.position), seen_at = excluded.seen_at""")) {
            s.setString(1, reader);
            s.setLong(2, position);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("A reader's position could not be recorded", e);
        }
        synchronized (acks) {
            acks.notifyAll();
        }
    }

    /**
     * Waits until every live reader of the streams of these (committed) events has applied them, at
     * most {@link EventSettings#readYourWritesTimeout()}; answers whether they all did.
     */
    public boolean awaitReaders(List<UUID> eventIds) {
        Map<String, Long> lastOfStream = lastOfStream(eventIds);
        if (lastOfStream.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + settings.readYourWritesTimeout().toNanos();
        while (true) {
            List<String> behind = behind(lastOfStream);
            if (behind.isEmpty()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.debugf("Readers %s have not applied the change yet; answering without them", behind);
                return false;
            }
            synchronized (acks) {
                try {
                    acks.wait(Math.max(1, Math.min(10, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private Map<String, Long> lastOfStream(List<UUID> eventIds) {
        Map<String, Long> last = new HashMap<>();
        if (eventIds.isEmpty()) {
            return last;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select aggregatetype, max(seq) from outbox_event where id = any(?) and seq is not null group by aggregatetype")) {
            s.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    last.put(r.getString(1), r.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read", e);
        }
        return last;
    }

    /** The live readers that read one of these streams and have not reached its last event yet. */
    private List<String> behind(Map<String, Long> lastOfStream) {
        Map<String, Long> positions = new HashMap<>();
        // liveness is wall-clock time (the database's), whatever the service's business clock says
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select reader, position from event_reader where seen_at > clock_timestamp() - ? * interval '1 millisecond'")) {
            s.setLong(1, settings.readerLiveness().toMillis());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    positions.put(r.getString(1), r.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The readers' positions could not be read", e);
        }
        List<String> behind = new ArrayList<>();
        positions.forEach((reader, position) -> {
            for (String stream : settings.readers().getOrDefault(reader, List.of())) {
                Long last = lastOfStream.get(stream);
                if (last != null && position < last) {
                    behind.add(reader);
                    return;
                }
            }
        });
        return behind;
    }

    /**
     * Drops events older than the retention that every reader has passed (a reader's position is
     * its acknowledgement). Runs in a service with an outbox ({@code psi.events.prune-every}).
     */
    @Scheduled(every = "${psi.events.prune-every:off}", identity = "psi-outbox-prune")
    void prune() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                delete from outbox_event
                 where occurred_at < clock_timestamp() - ? * interval '1 millisecond'
                   and seq <= (select coalesce(min(position), 0) from event_reader)""")) {
            s.setLong(1, settings.retention().toMillis());
            int n = s.executeUpdate();
            if (n > 0) {
                LOG.infof("Pruned %d outbox events older than %s", n, settings.retention());
            }
        } catch (SQLException e) {
            LOG.warnf("The outbox could not be pruned: %s", e.getMessage());
        }
    }
}
