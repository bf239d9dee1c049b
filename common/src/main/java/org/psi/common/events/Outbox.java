package org.psi.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The transactional outbox of a service: {@link #emit} writes an event in the caller's transaction,
 * so the event exists exactly when the change it tells of was committed. The table
 * ({@code outbox_event}) has the layout of Debezium's outbox event router ({@code id, aggregatetype,
 * aggregateid, type, payload}), so a national deployment can stream it to Kafka unchanged; here the
 * readers pull it through the service's event feed ({@link EventFeed}). A trigger gives each event
 * its {@code seq} when its transaction commits, in commit order.
 */
@ApplicationScoped
public class Outbox {

    private static final Object SYNC_KEY = new Object();

    private final DataSource db;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final EventFeed feed;

    public Outbox(DataSource db, ObjectMapper json, TransactionSynchronizationRegistry transactions, EventFeed feed) {
        this.db = db;
        this.json = json;
        this.transactions = transactions;
        this.feed = feed;
    }

    /** Writes an event in the current transaction (there must be one); answers its id. */
    public UUID emit(String aggregateType, String aggregateId, String type, Object payload) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("An outbox event is written inside the transaction of its change");
        }
        UUID id = UUID.randomUUID();
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event payload could not be written as JSON", e);
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into outbox_event (id, aggregatetype, aggregateid, type, payload, occurred_at)"
                        + " values (?, ?, ?, ?, ?::jsonb, clock_timestamp())")) {
            s.setObject(1, id);
            s.setString(2, aggregateType);
            s.setString(3, aggregateId);
            s.setString(4, type);
            s.setString(5, body);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("An outbox event could not be written", e);
        }
        if (transactions.getResource(SYNC_KEY) == null) {
            transactions.putResource(SYNC_KEY, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        feed.committed();
                    }
                }
            });
        }
        if (Arc.container().requestContext().isActive()) {
            Arc.container().instance(EmittedEvents.class).get().add(id);
        }
        return id;
    }
}
