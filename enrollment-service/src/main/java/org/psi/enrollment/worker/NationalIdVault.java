package org.psi.enrollment.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.psi.common.domain.NationalId;

/**
 * Keeps citizen ID numbers unreadable at rest: AES-256-GCM encryption and an HMAC-SHA256 blind
 * index to find a worker by ID without decrypting. Both keys come from configuration.
 *
 * <p>A ciphertext is bound to its worker: the worker's id is the GCM associated data, so a
 * ciphertext copied to another worker's row does not decrypt there. Stored formats:
 * <ul>
 *   <li>version 2 (written now): the byte {@code 0x02}, a random 12-byte nonce, the ciphertext
 *       and its 16-byte tag, with associated data {@code psi:worker:<worker id>};</li>
 *   <li>version 1 (rows written before): the nonce, the ciphertext and its tag, without associated
 *       data (46 bytes: an ID has 18 characters). Still read; {@link NationalIdReencryption} turns
 *       every such row into version 2.</li>
 * </ul>
 */
@ApplicationScoped
public class NationalIdVault {

    static final byte VERSION_2 = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int ID_CHARS = 18;
    /** Length of a version-1 ciphertext: nonce, 18 ID characters, tag. */
    static final int VERSION_1_LENGTH = NONCE_BYTES + ID_CHARS + TAG_BITS / 8;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public NationalIdVault(@ConfigProperty(name = "psi.crypto.national-id-key") String encryptionKey,
                           @ConfigProperty(name = "psi.crypto.blind-index-key") String indexKey) {
        this.encryptionKey = new SecretKeySpec(key(encryptionKey, "psi.crypto.national-id-key"), "AES");
        this.indexKey = new SecretKeySpec(key(indexKey, "psi.crypto.blind-index-key"), "HmacSHA256");
    }

    /** The ID encrypted for the row of {@code workerId} (version 2). */
    public byte[] encrypt(NationalId id, UUID workerId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(workerId));
            byte[] sealed = cipher.doFinal(id.value().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION_2).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The ID of the row of {@code workerId}; fails if the ciphertext belongs to another row or was altered. */
    public NationalId decrypt(byte[] stored, UUID workerId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] plain;
            if (isCurrent(stored)) {
                cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
                cipher.updateAAD(associatedData(workerId));
                plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            } else if (stored.length == VERSION_1_LENGTH) {
                cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
                plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            } else {
                throw new IllegalStateException("A stored citizen ID of an unknown format");
            }
            return new NationalId(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed (the ciphertext is not this worker's, or was altered)", e);
        }
    }

    /** Whether a stored ciphertext is of the current format (version 2, bound to its row). */
    public static boolean isCurrent(byte[] stored) {
        return stored.length == 1 + VERSION_1_LENGTH && stored[0] == VERSION_2;
    }

    private static byte[] associatedData(UUID workerId) {
        return ("psi:worker:" + workerId).getBytes(StandardCharsets.US_ASCII);
    }

    /** The blind index: the same ID always gives the same 32 bytes; without the key they reveal nothing. */
    public byte[] index(NationalId id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac.doFinal(id.value().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Blind index failed", e);
        }
    }

    private static byte[] key(String base64, String name) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes, base64-encoded");
        }
        return key;
    }
}
