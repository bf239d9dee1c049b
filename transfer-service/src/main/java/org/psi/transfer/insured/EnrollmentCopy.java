package org.psi.transfer.insured;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.psi.common.events.EventConsumer;
import org.psi.common.events.FeedEvent;
import org.psi.common.events.Streams;
import org.psi.transfer.client.EnrollmentFeedClient;

/**
 * Keeps this service's copy of the enrollment-service's facts up to date from its event feed (the
 * worker and person streams; docs/INTERNAL-API.md), each event applied once, in commit order.
 */
@ApplicationScoped
public class EnrollmentCopy {

    public static final String SOURCE = "enrollment-service";

    private final EnrollmentFeedClient feed;
    private final InsuredStore store;
    private final AgroalDataSource db;
    private final boolean enabled;
    private final Duration wait;
    private EventConsumer consumer;

    public EnrollmentCopy(@RestClient EnrollmentFeedClient feed, InsuredStore store, AgroalDataSource db,
                          @ConfigProperty(name = "psi.transfer.events.enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "psi.transfer.events.wait-for", defaultValue = "10s") Duration wait) {
        this.feed = feed;
        this.store = store;
        this.db = db;
        this.enabled = enabled;
        this.wait = wait;
    }

    void start(@Observes StartupEvent start) {
        if (enabled) {
            consumer = new EventConsumer(SOURCE, (after, limit, w) -> feed.events(after, limit, (int) w.toSeconds()),
                    this::apply, db, 500, wait).start();
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        if (consumer != null) {
            consumer.stop();
        }
    }

    public Optional<EventConsumer> consumer() {
        return Optional.ofNullable(consumer);
    }

    /** Applies one event to the copy (in the caller's transaction); an old one changes nothing. */
    public void apply(FeedEvent e) {
        switch (e.aggregateType()) {
            case Streams.WORKER -> store.applyWorker(e.seq(), e.payload());
            case Streams.PERSON -> store.applyPerson(e.seq(), e.payload());
            default -> {
                // a stream this service does not read
            }
        }
    }
}
