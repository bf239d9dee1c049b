package org.psi.enrollment.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.psi.common.domain.NationalId;

/**
 * Keeps citizen ID numbers unreadable at rest: AES-256-GCM encryption (a random 12-byte nonce
 * before the ciphertext) and an HMAC-SHA256 blind index to find a worker by ID without decrypting.
 * Both keys come from configuration.
 */
@ApplicationScoped
public class NationalIdVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public NationalIdVault(@ConfigProperty(name = "psi.crypto.national-id-key") String encryptionKey,
                           @ConfigProperty(name = "psi.crypto.blind-index-key") String indexKey) {
        this.encryptionKey = new SecretKeySpec(key(encryptionKey, "psi.crypto.national-id-key"), "AES");
        this.indexKey = new SecretKeySpec(key(indexKey, "psi.crypto.blind-index-key"), "HmacSHA256");
    }

    public byte[] encrypt(NationalId id) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(id.value().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public NationalId decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new NationalId(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed", e);
        }
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
