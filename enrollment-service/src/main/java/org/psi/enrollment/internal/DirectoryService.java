package org.psi.enrollment.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.NationalId;
import org.psi.enrollment.consent.PlatformLink;
import org.psi.enrollment.consent.PlatformLinkRepository;
import org.psi.enrollment.enrollment.Enrollment;
import org.psi.enrollment.enrollment.EnrollmentPolicy;
import org.psi.enrollment.enrollment.EnrollmentRepository;
import org.psi.enrollment.enrollment.EnrollmentTimeline;
import org.psi.enrollment.platform.Platform;
import org.psi.enrollment.platform.PlatformService;
import org.psi.enrollment.worker.NationalIdVault;
import org.psi.enrollment.worker.Worker;
import org.psi.enrollment.worker.WorkerRepository;

/**
 * Answers the other PSI services about workers: for a contribution feed, many citizen IDs at once
 * (a handful of set-based queries whatever the count); for a statement or a transfer, one worker.
 */
@ApplicationScoped
public class DirectoryService {

    /** IDs per query: well under PostgreSQL's limit of bind parameters per statement. */
    private static final int CHUNK = 5_000;

    private final WorkerRepository workers;
    private final EnrollmentRepository enrollments;
    private final PlatformLinkRepository links;
    private final PlatformService platforms;
    private final NationalIdVault vault;
    private final EnrollmentPolicy policy;

    public DirectoryService(WorkerRepository workers, EnrollmentRepository enrollments, PlatformLinkRepository links,
                            PlatformService platforms, NationalIdVault vault, EnrollmentPolicy policy) {
        this.workers = workers;
        this.enrollments = enrollments;
        this.links = links;
        this.platforms = platforms;
        this.vault = vault;
        this.policy = policy;
    }

    /** The answer for one asked ID: the worker's dossier, or why there is none. */
    public record Answer(Optional<WorkerDossier> dossier, String problem) {
    }

    public record Eligibility(Platform platform, List<Answer> answers) {
    }

    /**
     * For a platform (by its OIDC client id) and a list of citizen IDs, in the order asked: each
     * worker's enrollments and this platform's consents. IDs that are malformed or not registered
     * get a code instead.
     */
    public Eligibility eligibility(String platformClientId, List<String> nationalIds) {
        if (nationalIds == null || nationalIds.isEmpty()) {
            throw new InvalidValueException("nationalIds", "REQUIRED", "enrollment.directory.ids-required");
        }
        if (nationalIds.size() > policy.maxEligibilityIds()) {
            throw ProblemException.payloadTooLarge("payload-too-large",
                    "enrollment.directory.too-many-ids", policy.maxEligibilityIds());
        }
        Platform platform = platforms.byClientId(platformClientId);
        LocalDate today = LocalDate.now();
        List<byte[]> asked = new ArrayList<>(nationalIds.size());
        List<String> invalid = new ArrayList<>(nationalIds.size());
        for (String raw : nationalIds) {
            try {
                asked.add(vault.index(NationalId.parse(raw, today.plusDays(1))));
                invalid.add(null);
            } catch (InvalidValueException e) {
                asked.add(null);
                invalid.add(e.code());
            }
        }
        Map<String, Worker> byIndex = new HashMap<>();
        List<byte[]> distinct = asked.stream().filter(a -> a != null).toList();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            for (Worker w : workers.findByIndexes(distinct.subList(i, Math.min(distinct.size(), i + CHUNK)))) {
                byIndex.put(key(w.nationalIdIndex), w);
            }
        }
        Map<UUID, WorkerDossier> dossiers = dossiers(new ArrayList<>(byIndex.values()), platform.code);
        List<Answer> answers = new ArrayList<>(nationalIds.size());
        for (int i = 0; i < asked.size(); i++) {
            if (asked.get(i) == null) {
                answers.add(new Answer(Optional.empty(), invalid.get(i)));
                continue;
            }
            Worker w = byIndex.get(key(asked.get(i)));
            answers.add(w == null ? new Answer(Optional.empty(), "NOT_REGISTERED")
                    : new Answer(Optional.of(dossiers.get(w.id)), null));
        }
        return new Eligibility(platform, answers);
    }

    public WorkerDossier bySubject(String subject) {
        Worker w = workers.findBySubject(subject).orElseThrow(() -> ProblemException.notFound("enrollment.worker.not-found-anonymous"));
        return dossiers(List.of(w), null).get(w.id);
    }

    public WorkerDossier byId(UUID workerId) {
        Worker w = workers.findByIdOptional(workerId).orElseThrow(() -> ProblemException.notFound("enrollment.worker.not-found", workerId));
        return dossiers(List.of(w), null).get(w.id);
    }

    public EnrollmentTimeline timeline(Enrollment e) {
        return enrollments.timelines(List.of(e)).get(0);
    }

    /** Dossiers of these workers; consents of one platform only, or of all when {@code platformCode} is null. */
    private Map<UUID, WorkerDossier> dossiers(List<Worker> found, String platformCode) {
        Map<UUID, List<EnrollmentTimeline>> timelines = new HashMap<>();
        Map<UUID, List<PlatformLink>> consents = new HashMap<>();
        for (int i = 0; i < found.size(); i += CHUNK) {
            List<UUID> ids = found.subList(i, Math.min(found.size(), i + CHUNK)).stream().map(w -> w.id).toList();
            enrollments.timelines(enrollments.findByWorkers(ids))
                    .forEach(t -> timelines.computeIfAbsent(t.enrollment().workerId, k -> new ArrayList<>()).add(t));
            List<PlatformLink> batch = platformCode == null ? links.list("workerId in ?1 order by grantedAt", ids)
                    : links.findForPlatform(platformCode, ids);
            batch.forEach(l -> consents.computeIfAbsent(l.workerId, k -> new ArrayList<>()).add(l));
        }
        return found.stream().collect(Collectors.toMap(w -> w.id, w -> new WorkerDossier(w,
                timelines.getOrDefault(w.id, List.of()), consents.getOrDefault(w.id, List.of()))));
    }

    private static String key(byte[] index) {
        return java.util.HexFormat.of().formatHex(index);
    }
}
