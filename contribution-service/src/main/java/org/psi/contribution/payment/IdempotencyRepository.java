package org.psi.contribution.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    private final ObjectMapper json;

    public IdempotencyRepository(ObjectMapper json) {
        this.json = json;
    }

    public Optional<IdempotencyRecord> find(String scope, String key) {
        return findByIdOptional(new IdempotencyRecord.Key(scope, key));
    }

    public void save(String scope, String key, byte[] requestHash, int status, Object response, Instant at) {
        IdempotencyRecord r = new IdempotencyRecord();
        r.id = new IdempotencyRecord.Key(scope, key);
        r.requestHash = requestHash;
        r.status = status;
        try {
            r.response = json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        r.createdAt = at;
        persistAndFlush(r);
    }

    public <T> T response(IdempotencyRecord r, Class<T> type) {
        try {
            return json.readValue(r.response, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
