package org.psi.contribution.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotentRequest, IdempotentRequest.Key> {

    private final ObjectMapper json;

    public IdempotencyRepository(ObjectMapper json) {
        this.json = json;
    }

    public Optional<IdempotentRequest> find(String scope, String key) {
        return findByIdOptional(new IdempotentRequest.Key(scope, key));
    }

    public void save(String scope, String key, byte[] requestHash, int status, Object response, Instant at) {
        IdempotentRequest r = new IdempotentRequest();
        r.id = new IdempotentRequest.Key(scope, key);
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

    public <T> T response(IdempotentRequest r, Class<T> type) {
        try {
            return json.readValue(r.response, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
