package org.psi.common.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The blind index of a citizen ID: HMAC-SHA256 of its normalised 18 characters under a secret key.
 * The same ID always gives the same 32 bytes, so a service holding the key finds a worker by ID
 * without storing or sending the ID; without the key the bytes reveal nothing. The enrollment-service
 * and the contribution-service (which matches feed lines to workers) share the key.
 */
public final class BlindIndex {

    private final SecretKeySpec key;

    public BlindIndex(String base64Key, String settingName) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length != 32) {
            throw new IllegalStateException(settingName + " must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public byte[] of(NationalId id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(id.value().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Blind index failed", e);
        }
    }
}
