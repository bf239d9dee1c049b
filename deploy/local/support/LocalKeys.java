import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Year;
import java.util.Base64;

/**
 * The keys of one local PSI stack, made once when its data folder is created and kept beside its
 * data (never committed): citizen-ID encryption and blind index, the feed-line MAC, and the EC P-256
 * key that signs contribution certificates (as a JWK set). Prints shell assignments.
 * Run with: java deploy/local/support/LocalKeys.java
 */
public class LocalKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        print("PSI_NATIONAL_ID_KEY", secret());
        print("PSI_BLIND_INDEX_KEY", secret());
        print("PSI_LINE_MAC_KEY", secret());

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        var pair = generator.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
        String kid = "psi-local-" + Year.now() + "-" + Long.toHexString(RANDOM.nextLong() & 0xffffffL);
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"" + kid
                + "\",\"x\":\"" + b64url(pub.getW().getAffineX()) + "\",\"y\":\"" + b64url(pub.getW().getAffineY())
                + "\",\"d\":\"" + b64url(priv.getS()) + "\"}]}";
        print("PSI_CERTIFICATE_ACTIVE_KID", kid);
        print("PSI_CERTIFICATE_JWKS", jwks);
    }

    private static String secret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A coordinate as the 32 bytes JWK wants, base64url without padding. */
    private static String b64url(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static void print(String name, String value) {
        System.out.println(name + "='" + value + "'");
    }
}
