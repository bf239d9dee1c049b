package org.psi.contribution.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.psi.common.domain.Scheme;

/**
 * A ledger account: a worker's individual account per scheme and region, the pooled fund of a
 * scheme in a region, or a payer's account. Its id is a name-based UUID of its key, so anyone who
 * knows the key knows the id without a lookup.
 */
public final class AccountKey {

    public enum Kind { INDIVIDUAL, POOLED, PAYER }

    private final Kind kind;
    private final Scheme scheme;
    private final String region;
    private final UUID workerId;
    private final String payer;
    private final String key;
    private final UUID id;

    private AccountKey(Kind kind, Scheme scheme, String region, UUID workerId, String payer) {
        this.kind = kind;
        this.scheme = scheme;
        this.region = region;
        this.workerId = workerId;
        this.payer = payer;
        this.key = switch (kind) {
            case INDIVIDUAL -> "INDIVIDUAL/" + scheme + "/" + region + "/" + workerId;
            case POOLED -> "POOLED/" + scheme + "/" + region;
            case PAYER -> "PAYER/" + payer;
        };
        this.id = UUID.nameUUIDFromBytes(("psi-ledger-account/" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static AccountKey individual(UUID workerId, Scheme scheme, String region) {
        return interned(new Parts(Kind.INDIVIDUAL, scheme, region, Objects.requireNonNull(workerId), null));
    }

    public static AccountKey pooled(Scheme scheme, String region) {
        return interned(new Parts(Kind.POOLED, scheme, region, null, null));
    }

    public static AccountKey payer(String payer) {
        return interned(new Parts(Kind.PAYER, null, null, null, Objects.requireNonNull(payer)));
    }

    /** Keys are asked for once per leg of a large feed; the name-based id is computed once per account. */
    private record Parts(Kind kind, Scheme scheme, String region, UUID workerId, String payer) {
    }

    private static final int CACHE_LIMIT = 500_000;
    private static final Map<Parts, AccountKey> CACHE = new ConcurrentHashMap<>();

    private static AccountKey interned(Parts p) {
        AccountKey key = CACHE.get(p);
        if (key == null) {
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            key = new AccountKey(p.kind, p.scheme, p.region, p.workerId, p.payer);
            CACHE.put(p, key);
        }
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public Scheme scheme() {
        return scheme;
    }

    public String region() {
        return region;
    }

    public UUID workerId() {
        return workerId;
    }

    public String payer() {
        return payer;
    }

    public UUID id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountKey other && other.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
