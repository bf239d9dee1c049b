package org.psi.enrollment.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.NationalId;

/** The vault without Quarkus: ciphertexts are bound to their row, the old format still decrypts. */
class NationalIdVaultTest {

    static final String KEY = "cHNpLWRldi1vbmx5LWVuY3J5cHRpb24ta2V5LTMyYiE=";
    static final String INDEX_KEY = "cHNpLWRldi1vbmx5LWJsaW5kLWluZGV4LWtleS0zMmI=";
    private final NationalIdVault vault = new NationalIdVault(KEY, INDEX_KEY);
    private final NationalId id = NationalId.parse("11010519491231002X");

    @Test
    void aCiphertextDecryptsOnlyInItsOwnRow() {
        UUID mine = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        byte[] c = vault.encrypt(id, mine);
        assertEquals(NationalIdVault.VERSION_2, c[0], "versioned");
        assertTrue(NationalIdVault.isCurrent(c));
        assertEquals(id, vault.decrypt(c, mine));
        assertThrows(IllegalStateException.class, () -> vault.decrypt(c, other), "copied to another row, it does not decrypt");
        byte[] tampered = c.clone();
        tampered[20] ^= 1;
        assertThrows(IllegalStateException.class, () -> vault.decrypt(tampered, mine));
        assertFalse(java.util.Arrays.equals(c, vault.encrypt(id, mine)), "a fresh nonce each time");
    }

    @Test
    void aVersion1CiphertextStillDecrypts() {
        byte[] legacy = legacy(id, KEY);
        assertEquals(NationalIdVault.VERSION_1_LENGTH, legacy.length);
        assertFalse(NationalIdVault.isCurrent(legacy));
        assertEquals(id, vault.decrypt(legacy, UUID.randomUUID()));
        assertArrayEquals(vault.index(id), vault.index(NationalId.parse("11010519491231002x")), "the blind index is stable");
    }

    /** What the vault wrote before ciphertexts were bound to their row: nonce, ciphertext and tag, no associated data. */
    static byte[] legacy(NationalId id, String base64Key) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(id.value().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
