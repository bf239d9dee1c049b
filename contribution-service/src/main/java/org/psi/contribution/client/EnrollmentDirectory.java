package org.psi.contribution.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sector;
import org.psi.contribution.client.EnrollmentRecords.EligibilityRequest;
import org.psi.contribution.client.EnrollmentRecords.EligibilityResponse;
import org.psi.contribution.client.EnrollmentRecords.WorkerRecord;
import org.psi.contribution.insured.Eligibility;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.insured.PlatformFacts;

/**
 * What this service knows about workers and platforms, asked of the enrollment-service: one
 * eligibility call per feed, one worker lookup per worker request. Failures of the call become
 * problems the caller understands (403 for an unregistered platform, 404 for an unregistered
 * worker, 503 when the enrollment-service cannot answer), never the remote status as such.
 */
@ApplicationScoped
public class EnrollmentDirectory {

    private static final Logger LOG = Logger.getLogger(EnrollmentDirectory.class);

    private final EnrollmentClient client;

    public EnrollmentDirectory(@RestClient EnrollmentClient client) {
        this.client = client;
    }

    /** The platform with this OIDC client id, and the worker (or the problem) of each asked citizen ID. */
    public Eligibility eligibility(String platformClientId, List<String> nationalIds) {
        EligibilityResponse answer;
        try {
            answer = client.eligibility(new EligibilityRequest(platformClientId, nationalIds));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ProblemException.forbidden("No platform is registered for the OIDC client " + platformClientId
                        + "; an admin registers platforms in the enrollment-service");
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        for (String s : answer.platform().sectors()) {
            try {
                sectors.add(Sector.valueOf(s));
            } catch (IllegalArgumentException ignored) {
                // a sector this version does not know cannot appear in a valid line either
            }
        }
        PlatformFacts platform = new PlatformFacts(answer.platform().code(), answer.platform().name(), sectors);
        Map<String, InsuredWorker> workers = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        Map<UUID, InsuredWorker> seen = new HashMap<>();
        for (int i = 0; i < nationalIds.size(); i++) {
            EnrollmentRecords.Answer a = answer.results().get(i);
            if (a.found() && a.worker() != null) {
                workers.put(nationalIds.get(i), seen.computeIfAbsent(a.worker().workerId(), id -> facts(a.worker())));
            } else {
                problems.put(nationalIds.get(i), a.problem() == null ? "NOT_REGISTERED" : a.problem());
            }
        }
        return new Eligibility(platform, workers, problems);
    }

    /** The worker who logged in with {@code subject}; 404 if they have not registered. */
    public InsuredWorker bySubject(String subject) {
        try {
            return facts(client.bySubject(subject));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ProblemException.notFound("A worker registration for this login");
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    public Optional<InsuredWorker> byId(UUID workerId) {
        try {
            return Optional.of(facts(client.worker(workerId)));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static ProblemException unavailable(RuntimeException e) {
        LOG.warnf("The enrollment-service did not answer: %s", e.getMessage());
        return new ProblemException(503, "enrollment-unavailable", "Service unavailable",
                "Who is insured where cannot be checked right now; nothing was changed. Try again shortly.");
    }

    static InsuredWorker facts(WorkerRecord w) {
        List<InsuredWorker.Enrollment> enrollments = new ArrayList<>();
        for (EnrollmentRecords.EnrollmentRecord e : w.enrollments() == null ? List.<EnrollmentRecords.EnrollmentRecord>of() : w.enrollments()) {
            Scheme scheme;
            try {
                scheme = Scheme.valueOf(e.scheme());
            } catch (IllegalArgumentException | NullPointerException ex) {
                continue;
            }
            List<InsuredWorker.MonthSpan> covered = e.coveredPeriods() == null ? List.of()
                    : e.coveredPeriods().stream().map(m -> new InsuredWorker.MonthSpan(m.from(), m.to())).toList();
            List<InsuredWorker.GradeFrom> grades = e.grades() == null ? List.of()
                    : e.grades().stream().map(g -> new InsuredWorker.GradeFrom(g.fromMonth(), g.baseGrade())).toList();
            enrollments.add(new InsuredWorker.Enrollment(scheme, new RegionCode(e.region()), e.status(), e.startMonth(),
                    e.endMonth(), covered, grades));
        }
        List<InsuredWorker.Consent> consents = w.consents() == null ? List.of()
                : w.consents().stream().map(c -> new InsuredWorker.Consent(c.platformCode(), c.grantedAt(), c.revokedAt())).toList();
        return new InsuredWorker(w.workerId(), w.subject(), w.birthDate(), w.hukouRegion(), List.copyOf(enrollments), consents);
    }
}
