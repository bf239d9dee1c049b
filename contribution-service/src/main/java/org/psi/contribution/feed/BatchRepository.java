package org.psi.contribution.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.psi.contribution.feed.FeedEvaluator.LineError;

@ApplicationScoped
public class BatchRepository implements PanacheRepositoryBase<ContributionBatch, UUID> {

    private static final TypeReference<List<LineError>> ERRORS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public BatchRepository(ObjectMapper json) {
        this.json = json;
    }

    public Optional<ContributionBatch> findByKey(String clientId, String idempotencyKey) {
        return find("clientId = ?1 and idempotencyKey = ?2", clientId, idempotencyKey).firstResultOptional();
    }

    public Optional<ContributionBatch> findByChunk(UUID jobId, int seq) {
        return find("feedJobId = ?1 and feedJobChunk = ?2", jobId, seq).firstResultOptional();
    }

    /** A batch of this client; another client's batch is not found. */
    public Optional<ContributionBatch> findOwned(UUID id, String clientId) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResultOptional();
    }

    /** A page of a client's batches (not the chunks of its jobs), newest first (ids are time-ordered), before {@code beforeId}. */
    public List<ContributionBatch> page(String clientId, UUID beforeId, int rows) {
        if (beforeId == null) {
            return find("clientId = ?1 and feedJobId is null order by id desc", clientId).range(0, rows - 1).list();
        }
        return find("clientId = ?1 and feedJobId is null and id < ?2 order by id desc", clientId, beforeId).range(0, rows - 1).list();
    }

    public String errorsJson(List<LineError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public BatchReport report(ContributionBatch b, boolean withErrors) {
        List<LineError> errors = List.of();
        if (withErrors) {
            try {
                errors = json.readValue(b.errors, ERRORS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new BatchReport(b.id, b.platformCode, b.contentType, b.received, b.accepted, b.duplicates, b.rejected,
                errors, b.createdAt);
    }
}
