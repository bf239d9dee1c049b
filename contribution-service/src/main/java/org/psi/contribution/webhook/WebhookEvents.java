package org.psi.contribution.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.psi.common.store.Jdbc;

/**
 * The events a platform may subscribe to, and their outbox: {@link #emit} writes a delivery for the
 * platform's subscription (if it has one for that type) in the caller's transaction, so an event is
 * delivered exactly when what caused it committed, and the request that caused it never waits for
 * the delivery ({@link WebhookDispatcher} sends it).
 */
@ApplicationScoped
public class WebhookEvents {

    public static final String BATCH_COMPLETED = "cn.psi.contribution.batch.completed";
    public static final String FEED_COMPLETED = "cn.psi.contribution.feed.completed";
    public static final String CONSENT_GRANTED = "cn.psi.enrollment.consent.granted";
    public static final String CONSENT_REVOKED = "cn.psi.enrollment.consent.revoked";

    /** Every type a subscription may name. */
    public static final List<String> TYPES = List.of(BATCH_COMPLETED, FEED_COMPLETED, CONSENT_GRANTED, CONSENT_REVOKED);

    /** How long a delivery is retried before it is given up. */
    public static final Duration RETRY_FOR = Duration.ofHours(24);

    /** The CloudEvents source of each event: the service that decided what it tells. */
    static String source(String type) {
        return type.startsWith("cn.psi.enrollment.") ? "/psi/enrollment-service" : "/psi/contribution-service";
    }

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookEvents(AgroalDataSource db, ObjectMapper json, Clock clock) {
        this.jdbc = new Jdbc(db);
        this.json = json;
        this.clock = clock;
    }

    /**
     * An event for a platform: a CloudEvents 1.0 structured event with a new UUID, written for
     * delivery if the platform subscribes to its type. {@code data} holds ids, counts and states only.
     */
    public void emit(String platformCode, String type, Map<String, Object> data) {
        emit(platformCode, type, UUID.randomUUID(), data);
    }

    /** As {@link #emit(String, String, Map)} with the id of the event it tells of (the same id is never delivered twice). */
    public void emit(String platformCode, String type, UUID id, Map<String, Object> data) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not a webhook event type: " + type);
        }
        Instant now = Instant.now(clock);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id.toString());
        event.put("source", source(type));
        event.put("type", type);
        event.put("time", now.toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook event", e);
        }
        jdbc.update("""
                insert into webhook_delivery (id, platform_code, type, event, next_attempt_at, give_up_at)
                select ?, platform_code, ?, ?::jsonb, ?, ? from webhook_subscription
                 where platform_code = ? and ? = any(events)
                on conflict (id) do nothing""", s -> {
            s.setObject(1, id);
            s.setString(2, type);
            s.setString(3, body);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(now.plus(RETRY_FOR)));
            s.setString(6, platformCode);
            s.setString(7, type);
        });
    }
}
