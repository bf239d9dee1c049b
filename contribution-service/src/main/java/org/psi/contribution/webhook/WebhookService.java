package org.psi.contribution.webhook;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.psi.common.api.ProblemException;
import org.psi.common.store.Jdbc;
import org.psi.contribution.webhook.WebhookDtos.Delivery;
import org.psi.contribution.webhook.WebhookDtos.View;

/** A platform's webhook subscription (one per platform) and the log of its deliveries. */
@ApplicationScoped
public class WebhookService {

    /** How long the secret before a rotation keeps signing beside the new one. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    /** The longest URL a subscription may name. */
    public static final int MAX_URL = 2048;
    /** Deliveries listed in the log: the newest. */
    public static final int LOG_SIZE = 100;

    /** A subscription as stored, with its secrets (for signing). */
    record Subscription(String platformCode, String url, List<String> events, String secret, String previousSecret,
                        Instant previousValidUntil, Instant createdAt, Instant updatedAt) {

        View view(String shownSecret) {
            return new View(url, events, createdAt, updatedAt, previousValidUntil, shownSecret);
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final boolean allowPrivate;

    public WebhookService(AgroalDataSource db, Clock clock,
                          @ConfigProperty(name = "psi.webhook.allow-private", defaultValue = "false") boolean allowPrivate) {
        this.jdbc = new Jdbc(db);
        this.clock = clock;
        this.allowPrivate = allowPrivate;
    }

    boolean allowPrivate() {
        return allowPrivate;
    }

    /** What a PUT did: a new subscription shows its secret, a changed one keeps it and does not show it. */
    public record Subscribed(View view, boolean created) {
    }

    /** Subscribes or changes the subscription. */
    public Subscribed subscribe(String platformCode, WebhookDtos.Request request) {
        if (request == null) {
            throw ProblemException.invalid("body", "REQUIRED", "contribution.webhook.body");
        }
        String url = request.url();
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw ProblemException.invalid("url", "INVALID_URL", "contribution.webhook.url-syntax");
        }
        UrlGuard.refusal(url, allowPrivate).ifPresent(key -> {
            throw ProblemException.invalid("url", "URL_REFUSED", key);
        });
        if (request.events() == null || request.events().isEmpty() || request.events().size() > WebhookEvents.TYPES.size()) {
            throw ProblemException.invalid("events", "INVALID_EVENTS", "contribution.webhook.events", WebhookEvents.TYPES);
        }
        for (String e : request.events()) {
            if (!WebhookEvents.TYPES.contains(e)) {
                throw ProblemException.invalid("events", "UNKNOWN_EVENT_TYPE", "contribution.webhook.events", WebhookEvents.TYPES);
            }
        }
        List<String> events = List.copyOf(new LinkedHashSet<>(request.events()));
        Instant now = Instant.now(clock);
        String secret = Signatures.newSecret();
        List<Boolean> inserted = new ArrayList<>(1);
        jdbc.query("""
                insert into webhook_subscription (platform_code, url, events, secret, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (platform_code) do update set url = excluded.url, events = excluded.events, updated_at = excluded.updated_at
                returning (xmax = 0)""", s -> {
            s.setString(1, platformCode);
            s.setString(2, url);
            s.setArray(3, s.getConnection().createArrayOf("text", events.toArray()));
            s.setString(4, secret);
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, Timestamp.from(now));
        }, rs -> inserted.add(rs.getBoolean(1)));
        boolean created = inserted.get(0);
        Subscription sub = find(platformCode).orElseThrow();
        return new Subscribed(sub.view(created ? sub.secret() : null), created);
    }

    public Optional<Subscription> find(String platformCode) {
        List<Subscription> found = new ArrayList<>(1);
        jdbc.query("""
                select platform_code, url, events, secret, previous_secret, previous_valid_until, created_at, updated_at
                  from webhook_subscription where platform_code = ?""", s -> s.setString(1, platformCode), rs -> {
            Array events = rs.getArray(3);
            Timestamp until = rs.getTimestamp(6);
            found.add(new Subscription(rs.getString(1), rs.getString(2), Arrays.asList((String[]) events.getArray()), rs.getString(4),
                    rs.getString(5), until == null ? null : until.toInstant(), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()));
        });
        return found.stream().findFirst();
    }

    public View view(String platformCode) {
        return find(platformCode).map(s -> s.view(null)).orElseThrow(WebhookService::none);
    }

    /** A new secret; the one before keeps signing for {@link #ROTATION_OVERLAP}. */
    public View rotate(String platformCode) {
        Instant now = Instant.now(clock);
        String secret = Signatures.newSecret();
        int n = jdbc.update("""
                update webhook_subscription set previous_secret = secret, previous_valid_until = ?, secret = ?, updated_at = ?
                 where platform_code = ?""", s -> {
            s.setTimestamp(1, Timestamp.from(now.plus(ROTATION_OVERLAP)));
            s.setString(2, secret);
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, platformCode);
        });
        if (n == 0) {
            throw none();
        }
        return find(platformCode).orElseThrow().view(secret);
    }

    public List<Delivery> deliveries(String platformCode) {
        List<Delivery> out = new ArrayList<>();
        jdbc.query("""
                select id, type, attempts, last_status, last_error, next_attempt_at, delivered_at, failed_at, created_at
                  from webhook_delivery where platform_code = ? order by created_at desc, id desc limit ?""", s -> {
            s.setString(1, platformCode);
            s.setInt(2, LOG_SIZE);
        }, rs -> {
            int status = rs.getInt(4);
            Integer lastStatus = rs.wasNull() ? null : status;
            Timestamp delivered = rs.getTimestamp(7);
            Timestamp failed = rs.getTimestamp(8);
            String state = delivered != null ? "DELIVERED" : failed != null ? "FAILED" : "PENDING";
            out.add(new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), lastStatus, rs.getString(5), state,
                    state.equals("PENDING") ? rs.getTimestamp(6).toInstant() : null,
                    delivered == null ? null : delivered.toInstant(), rs.getTimestamp(9).toInstant()));
        });
        return out;
    }

    private static ProblemException none() {
        return ProblemException.notFound("contribution.webhook.none");
    }
}
