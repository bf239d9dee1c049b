package org.psi.contribution.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.psi.common.store.Jdbc;

/**
 * Sends the deliveries that are due, signed per Standard Webhooks, at least once: a delivery is
 * claimed for a minute (so several instances never send it at the same moment), sent without
 * following redirects, and marked delivered on a 2xx; otherwise it is tried again after an
 * exponential backoff (the base doubled per attempt, at most an hour) until 24 hours after the event,
 * then given up. The address is checked again before each attempt.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int CLAIM = 50;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private record Due(UUID id, String platformCode, String body, int attempts, Instant giveUpAt) {
    }

    private final Jdbc jdbc;
    private final WebhookService subscriptions;
    private final Clock clock;
    private final Duration retryBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public WebhookDispatcher(AgroalDataSource db, WebhookService subscriptions, Clock clock,
                             @ConfigProperty(name = "psi.webhook.retry-base", defaultValue = "10s") Duration retryBase) {
        this.jdbc = new Jdbc(db);
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.retryBase = retryBase;
    }

    @Scheduled(identity = "psi-webhook-dispatch", every = "${psi.webhook.dispatch-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        int sent;
        do {
            sent = sendDue();
        } while (sent == CLAIM);
    }

    /** Sends what is due now; answers how many were tried. */
    public int sendDue() {
        List<Due> due = claim();
        List<CompletableFuture<Void>> sends = new ArrayList<>(due.size());
        for (Due d : due) {
            sends.add(send(d));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return due.size();
    }

    private List<Due> claim() {
        List<Due> due = new ArrayList<>();
        jdbc.query("""
                update webhook_delivery set next_attempt_at = now() + interval '1 minute'
                 where id in (select id from webhook_delivery
                               where delivered_at is null and failed_at is null and next_attempt_at <= now()
                               order by next_attempt_at limit ? for update skip locked)
                returning id, platform_code, event::text, attempts, give_up_at""", s -> s.setInt(1, CLAIM),
                rs -> due.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant())));
        return due;
    }

    private CompletableFuture<Void> send(Due d) {
        Optional<WebhookService.Subscription> sub = subscriptions.find(d.platformCode());
        if (sub.isEmpty()) {
            record(d, null, "the subscription was removed");
            return CompletableFuture.completedFuture(null);
        }
        WebhookService.Subscription s = sub.get();
        Optional<String> refused = UrlGuard.refusal(s.url(), subscriptions.allowPrivate());
        if (refused.isPresent()) {
            record(d, null, "address refused (" + refused.get() + ")");
            return CompletableFuture.completedFuture(null);
        }
        Instant now = Instant.now(clock);
        long timestamp = now.getEpochSecond();
        String id = d.id().toString();
        String signature = Signatures.sign(s.secret(), id, timestamp, d.body());
        if (s.previousSecret() != null && s.previousValidUntil() != null && now.isBefore(s.previousValidUntil())) {
            signature += " " + Signatures.sign(s.previousSecret(), id, timestamp, d.body());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(d.body())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((r, e) -> {
                    record(d, r == null ? null : r.statusCode(), e == null ? null : e.getClass().getSimpleName());
                    return null;
                });
    }

    private void record(Due d, Integer status, String error) {
        boolean ok = status != null && status >= 200 && status < 300;
        Instant now = Instant.now(clock);
        Duration doubled = retryBase.multipliedBy(1L << Math.min(d.attempts(), 20));
        Instant next = now.plus(doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled);
        boolean giveUp = !ok && next.isAfter(d.giveUpAt());
        String lastError = error == null && !ok ? "HTTP " + status : error;
        jdbc.update("""
                update webhook_delivery set attempts = attempts + 1, last_status = ?, last_error = ?,
                       delivered_at = ?, failed_at = ?, next_attempt_at = ? where id = ?""", s -> {
            if (status == null) {
                s.setNull(1, java.sql.Types.INTEGER);
            } else {
                s.setInt(1, status);
            }
            s.setString(2, ok ? null : truncate(lastError));
            s.setTimestamp(3, ok ? Timestamp.from(now) : null);
            s.setTimestamp(4, giveUp ? Timestamp.from(now) : null);
            s.setTimestamp(5, Timestamp.from(next));
            s.setObject(6, d.id());
        });
        if (giveUp) {
            LOG.warnf("Webhook delivery %s to platform %s given up after %d attempts", d.id(), d.platformCode(), d.attempts() + 1);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }
}
