package org.psi.contribution.insured;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.BlindIndex;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.NationalId;
import org.psi.common.events.FeedEvent;
import org.psi.common.events.FeedPage;
import org.psi.common.events.PeerLookup;
import org.psi.common.store.Jdbc;
import org.psi.contribution.client.EnrollmentClient;
import org.psi.contribution.config.ContributionConfig;

/**
 * Who is insured where, as far as this service needs to know: answered from its own copy of the
 * enrollment-service's facts ({@link EnrollmentCopy}), so statements, certificates, feeds and
 * self-payments ask no other service. A login the copy does not know yet is looked up once (with a
 * timeout and a circuit breaker: 503 at once when the enrollment-service cannot answer) and kept.
 */
@ApplicationScoped
public class InsuredDirectory {


    private final InsuredStore store;
    private final EnrollmentCopy copy;
    private final Lookup lookup;
    private final BlindIndex blindIndex;
    private final Clock clock;

    public InsuredDirectory(InsuredStore store, EnrollmentCopy copy, Lookup lookup, Clock clock, ContributionConfig config) {
        this.clock = clock;
        this.store = store;
        this.copy = copy;
        this.lookup = lookup;
        this.blindIndex = new BlindIndex(config.blindIndexKey(), "psi.contribution.blind-index-key");
    }

    /** The worker who logged in with {@code subject}; 404 if they have not registered. */
    public InsuredWorker bySubject(String subject) {
        Optional<InsuredWorker> known = store.bySubject(subject);
        if (known.isPresent()) {
            return known.get();
        }
        FeedPage state = lookup.bySubject(subject);
        QuarkusTransaction.requiringNew().run(() -> state.events().forEach(copy::apply));
        return store.bySubject(subject).orElseThrow(() -> notRegistered());
    }

    /** The worker of a login subject as one query of a round trip (null if the copy does not know the subject). */
    public Jdbc.Query<AtomicReference<InsuredWorker>> bySubjectQuery(String subject) {
        return store.bySubjectQuery(subject);
    }

    /** The worker id this instance last read for a login subject: a hint for reading her rows in the same round trip. */
    public Optional<UUID> keptWorkerId(String subject) {
        return store.keptWorkerId(subject);
    }

    /** The platform of an OIDC client id; 403 if no platform is registered for it. */
    public PlatformFacts platformOf(String platformClientId) {
        return store.platformByClientId(platformClientId).orElseThrow(() -> ProblemException.forbidden(
                "contribution.platform.not-registered", platformClientId));
    }

    /** A worker by id (the transfer-service's calls), from the copy. */
    public Optional<InsuredWorker> byId(UUID workerId) {
        return store.byId(workerId);
    }

    public Optional<Holder> holder(UUID workerId) {
        return store.holder(workerId);
    }

    /**
     * For a feed: the platform with this OIDC client id, and the worker of each citizen ID that is
     * valid and registered (by its blind index). The problems of the others are the IDs' own
     * validation codes, or none: an ID with no worker is simply not among the workers, and the
     * feed answers it as any line the platform may not send (it never learns who is registered).
     */
    public Eligibility eligibility(String platformClientId, Collection<String> nationalIds) {
        PlatformFacts platform = store.platformByClientId(platformClientId).orElseThrow(() -> ProblemException.forbidden(
                "contribution.platform.not-registered", platformClientId));
        LocalDate tomorrow = LocalDate.now(clock).plus(1, ChronoUnit.DAYS);
        Map<String, String> problems = new HashMap<>();
        Map<String, String> indexOf = new HashMap<>();
        List<byte[]> indexes = new ArrayList<>(nationalIds.size());
        HexFormat hex = HexFormat.of();
        for (String raw : nationalIds) {
            try {
                byte[] index = blindIndex.of(NationalId.parse(raw, tomorrow));
                indexOf.put(raw, hex.formatHex(index));
                indexes.add(index);
            } catch (InvalidValueException e) {
                problems.put(raw, e.code());
            }
        }
        Map<String, InsuredWorker> byIndex = store.byIndexes(indexes);
        Map<String, InsuredWorker> workers = new HashMap<>();
        indexOf.forEach((raw, index) -> {
            InsuredWorker w = byIndex.get(index);
            if (w != null) {
                workers.put(raw, w);
            }
        });
        return new Eligibility(platform, workers, problems);
    }

    private static ProblemException notRegistered() {
        return ProblemException.notFound("contribution.worker.registration-not-found");
    }

    /** The one remaining call: guarded so that an enrollment-service down or frozen costs a request at most 2 s, then none while the breaker is open. */
    @ApplicationScoped
    public static class Lookup {

        private final EnrollmentClient client;

        public Lookup(@RestClient EnrollmentClient client) {
            this.client = client;
        }

        public FeedPage bySubject(String subject) {
            return PeerLookup.workerState(() -> guarded(subject), InsuredDirectory::notRegistered, Lookup::unavailable);
        }

        @Timeout(2000)
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
        // a connection that broke (a pooled one to an enrollment-service that restarted) is tried once more on a new one
        @Retry(maxRetries = 1, delay = 0, retryOn = ProcessingException.class, abortOn = WebApplicationException.class)
        FeedPage guarded(String subject) {
            return client.workerBySubject(subject);
        }

        private static ProblemException unavailable() {
            return ProblemException.unavailable("enrollment-unavailable", "contribution.worker.lookup-unavailable");
        }
    }
}
