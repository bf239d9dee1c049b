package org.psi.contribution.insured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.psi.common.events.EventConsumer;
import org.psi.common.events.FeedEvent;
import org.psi.common.events.FeedPage;
import org.psi.common.events.Streams;
import org.psi.contribution.assessment.Assessor;
import org.psi.contribution.client.EnrollmentFeedClient;
import org.psi.contribution.config.ContributionConfig;
import org.psi.contribution.inbox.InboxStore;
import org.psi.contribution.inbox.NotificationKind;
import org.psi.contribution.webhook.WebhookEvents;

/**
 * Keeps this service's copy of the enrollment-service's facts up to date from its event feed
 * (docs/INTERNAL-API.md): workers (enrollments, grades, consents), holders and platforms. Applying a
 * worker's state also assesses the months it opens ({@link Assessor}), in the same transaction.
 * The lag of each event, from its commit in the enrollment-service to its commit here, is the
 * timer {@code psi.events.lag}.
 */
@ApplicationScoped
public class EnrollmentCopy {

    public static final String SOURCE = "enrollment-service";

    private final EnrollmentFeedClient feed;
    private final InsuredStore store;
    private final Assessor assessor;
    private final InboxStore inbox;
    private final WebhookEvents webhooks;
    private final ObjectMapper json;
    private final AgroalDataSource db;
    private final boolean enabled;
    private final Duration wait;
    private final Timer lag;
    private EventConsumer consumer;

    public EnrollmentCopy(@RestClient EnrollmentFeedClient feed, InsuredStore store, Assessor assessor, InboxStore inbox,
                          WebhookEvents webhooks, ObjectMapper json, AgroalDataSource db, MeterRegistry metrics,
                          ContributionConfig config) {
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.feed = feed;
        this.store = store;
        this.assessor = assessor;
        this.json = json;
        this.db = db;
        this.enabled = config.events().enabled();
        this.wait = config.events().waitFor();
        this.lag = Timer.builder("psi.events.lag").description("From an event's commit at its source to its commit here")
                .tag("source", SOURCE).publishPercentiles(0.5, 0.99).register(metrics);
    }

    void start(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        consumer = new EventConsumer(SOURCE, this::fetch, this::apply, db, 500, wait)
                .onApplied((e, at) -> lag.record(Duration.between(e.occurredAt(), at)))
                .start();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (consumer != null) {
            consumer.stop();
        }
    }

    /** The running consumer, if events are enabled (tests hold it still or read its position). */
    public Optional<EventConsumer> consumer() {
        return Optional.ofNullable(consumer);
    }

    private FeedPage fetch(long after, int limit, Duration wait) {
        return feed.events(after, limit, (int) wait.toSeconds());
    }

    /** Applies one event of the enrollment-service to the copy (in the caller's transaction); an old one changes nothing. */
    public void apply(FeedEvent e) {
        switch (e.aggregateType()) {
            case Streams.WORKER -> store.applyWorker(e.seq(), e.payload()).ifPresent(w -> {
                assessor.assessOpenMonths(w);
                tellConsent(e, w);
            });
            case Streams.HOLDER -> store.applyHolder(e.seq(), read(e, EnrollmentRecords.Holder.class));
            case Streams.PLATFORM -> store.applyPlatform(e.seq(), read(e, EnrollmentRecords.PlatformState.class));
            default -> {
                // a stream this service does not read
            }
        }
    }

    /** A consent granted or revoked is told to the worker (once per event). */
    private void tellConsent(FeedEvent e, InsuredWorker w) {
        boolean granted = EnrollmentRecords.CONSENT_GRANTED.equals(e.type());
        if (!granted && !EnrollmentRecords.CONSENT_REVOKED.equals(e.type())) {
            return;
        }
        EnrollmentRecords.Change change = read(e, EnrollmentRecords.ChangeOf.class).change();
        if (change == null || change.linkId() == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("linkId", change.linkId().toString());
        data.put("platformCode", change.platformCode());
        data.put("status", granted ? "GRANTED" : "REVOKED");
        inbox.tell(w.workerId(), NotificationKind.CONSENT_CHANGED, "consent:" + e.id(), e.occurredAt(), data);
        if (change.platformCode() != null) {
            // the platform is told the link only; it reads the link through the enrollment-service's API
            webhooks.emit(change.platformCode(), granted ? WebhookEvents.CONSENT_GRANTED : WebhookEvents.CONSENT_REVOKED, e.id(),
                    Map.of("linkId", change.linkId().toString()));
        }
    }

    private <T> T read(FeedEvent e, Class<T> type) {
        try {
            return json.readValue(e.payload(), type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("An event of the enrollment-service could not be read: " + e.type(), ex);
        }
    }
}
