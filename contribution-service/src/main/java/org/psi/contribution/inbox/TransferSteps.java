package org.psi.contribution.inbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.psi.common.events.EventConsumer;
import org.psi.common.events.FeedEvent;
import org.psi.common.events.Streams;
import org.psi.contribution.client.TransferFeedClient;
import org.psi.contribution.config.ContributionConfig;

/**
 * Tells a worker each step of her transfers: the transfer-service's events (its outbox, one event per
 * step of a case) are pulled and each becomes a TRANSFER_STEP notification, in the same transaction
 * as the feed position, so a step is told once however often its page is pulled.
 */
@ApplicationScoped
public class TransferSteps {

    public static final String SOURCE = "transfer-service";

    /** A step of a case as the transfer-service's outbox writes it (ids and the step only). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Step(UUID transferId, UUID workerId, long seq, String step) {
    }

    private final TransferFeedClient feed;
    private final InboxStore inbox;
    private final ObjectMapper json;
    private final AgroalDataSource db;
    private final boolean enabled;
    private final Duration wait;
    private EventConsumer consumer;

    public TransferSteps(@RestClient TransferFeedClient feed, InboxStore inbox, ObjectMapper json, AgroalDataSource db,
                         @ConfigProperty(name = "psi.inbox.transfer-events.enabled", defaultValue = "true") boolean enabled,
                         ContributionConfig config) {
        this.feed = feed;
        this.inbox = inbox;
        this.json = json;
        this.db = db;
        this.enabled = enabled;
        this.wait = config.events().waitFor();
    }

    void start(@Observes StartupEvent start) {
        if (enabled) {
            consumer = new EventConsumer(SOURCE, (after, limit, w) -> feed.events(after, limit, (int) w.toSeconds()), this::apply,
                    db, 500, wait).start();
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

    /** One event of the transfer-service, in the caller's transaction; an event seen before changes nothing. */
    public void apply(FeedEvent e) {
        if (!Streams.TRANSFER.equals(e.aggregateType())) {
            return;
        }
        Step s;
        try {
            s = json.readValue(e.payload(), Step.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("An event of the transfer-service could not be read: " + e.type(), ex);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transferId", s.transferId().toString());
        data.put("step", s.step());
        inbox.tell(s.workerId(), NotificationKind.TRANSFER_STEP, "transfer:" + e.id(), e.occurredAt(), data);
    }
}
