package org.psi.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker's SD-JWT VC verified by an implementation PSI did not write: the npm packages
 * {@code @sd-jwt/sd-jwt-vc} and {@code @sd-jwt/crypto-nodejs} (deploy/local/e2e/sd-jwt, installed
 * with {@code npm ci} on first use), against the keys of the issuer metadata and the status list
 * the service publishes. It sees the three claims she discloses and no other; a tampered
 * disclosure never shows its value, and a credential whose record changed since fails there too.
 */
class CredentialIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String VERIFIER = "https://verifier.example";
    private static final Path CHECK = Path.of(System.getProperty("psi.e2e.dir", "."), "sd-jwt").toAbsolutePath();

    private static Insured worker;

    @BeforeAll
    static void world() {
        Stack.assumeRuns("contribution-service");
        worker = Insured.enrolled("credential-" + RUN, "440000", "440104", LocalDate.of(1992, 5, 17));
        worker.paidMonth("CRED-" + RUN, 10_000);
    }

    private static String sha256(String s) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    private static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** The presentation of the chosen claims, with a key-binding JWT for {@code nonce} and the verifier. */
    private static String present(String credential, Set<String> claims, ECKey holder, String nonce) throws Exception {
        String[] parts = credential.split("~");
        StringBuilder p = new StringBuilder(parts[0]).append('~');
        for (int i = 1; i < parts.length; i++) {
            JsonNode d = JSON.readTree(Base64.getUrlDecoder().decode(parts[i]));
            if (claims.contains(d.get(1).asText())) {
                p.append(parts[i]).append('~');
            }
        }
        SignedJWT kb = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("kb+jwt")).build(),
                new JWTClaimsSet.Builder().issueTime(new Date()).audience(VERIFIER).claim("nonce", nonce)
                        .claim("sd_hash", sha256(p.toString())).build());
        kb.sign(new ECDSASigner(holder));
        return p + kb.serialize();
    }

    /** What the @sd-jwt packages make of the presentation. */
    private static JsonNode independentVerdict(String presentation, String nonce) throws Exception {
        String jwt = presentation.split("~")[0];
        Map<String, Object> jwks = Stack.contribution(null).get("/.well-known/jwt-vc-issuer").then().statusCode(200)
                .extract().jsonPath().getMap("jwks");
        String uri = payload(jwt).at("/status/status_list/uri").asText();
        String token = Stack.contribution(null).accept("application/statuslist+jwt")
                .get("/api/credentials/status/" + uri.substring(uri.lastIndexOf('/') + 1)).then().statusCode(200).extract().asString();
        Map<String, Object> input = new HashMap<>();
        input.put("presentation", presentation);
        input.put("jwks", jwks);
        input.put("nonce", nonce);
        input.put("statusLists", Map.of(uri, token));
        return JSON.readTree(node(JSON.writeValueAsString(input)));
    }

    private static synchronized String node(String stdin) throws Exception {
        if (!Files.isDirectory(CHECK.resolve("node_modules/@sd-jwt/sd-jwt-vc"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--silent"), null);
        }
        return run(List.of("node", "verify.mjs"), stdin);
    }

    private static String run(List<String> command, String stdin) throws Exception {
        Process p = new ProcessBuilder(command).directory(CHECK.toFile()).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " in " + CHECK + " failed:\n" + out);
        }
        return out;
    }

    @Test
    void anotherImplementationSeesOnlyWhatSheDisclosesAndRefusesWhatChanged() throws Exception {
        ECKey holder = new ECKeyGenerator(Curve.P_256).generate();
        String credential = Stack.contribution(worker.token())
                .body(Map.of("scheme", "PENSION", "holderKey", holder.toPublicJWK().toJSONObject())).post("/api/workers/me/credentials/insurance")
                .then().statusCode(201).body("keyBound", equalTo(true)).extract().path("credential");

        String presentation = present(credential, Set.of("scheme", "region", "counted_months"), holder, "n-" + RUN);
        JsonNode verdict = independentVerdict(presentation, "n-" + RUN);
        assertTrue(verdict.path("ok").asBoolean(), verdict.toString());
        JsonNode claims = verdict.path("claims");
        assertEquals("PENSION", claims.path("scheme").asText());
        assertEquals("440000", claims.path("region").asText());
        assertEquals(1, claims.path("counted_months").asInt());
        List<String> names = new ArrayList<>();
        claims.fieldNames().forEachRemaining(names::add);
        for (String hidden : List.of("insured", "insured_since", "individual_account_fen", "counted_months_by_region",
                "first_counted_month", "sub")) {
            assertFalse(names.contains(hidden), hidden + " was not disclosed: " + names);
        }
        assertEquals("n-" + RUN, verdict.at("/kb/nonce").asText());
        assertEquals(VERIFIER, verdict.at("/kb/aud").asText());
        // PSI's own verifier agrees
        Stack.contribution(null).body(Map.of("presentation", presentation, "nonce", "n-" + RUN, "audience", VERIFIER))
                .post("/api/credentials/verify").then().statusCode(200).body("valid", equalTo(true))
                .body("disclosed.counted_months", equalTo(1));

        // a disclosure whose value was changed is not one the issuer signed
        String[] parts = presentation.split("~");
        for (int i = 1; i < parts.length - 1; i++) {
            String d = new String(Base64.getUrlDecoder().decode(parts[i]), StandardCharsets.UTF_8);
            if (d.contains("\"counted_months\"")) {
                parts[i] = Base64.getUrlEncoder().withoutPadding().encodeToString(d.replaceFirst(",\\s*1\\s*\\]$", ",180]")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        String tampered = present(String.join("~", java.util.Arrays.copyOf(parts, parts.length - 1)) + "~",
                Set.of("scheme", "region", "counted_months"), holder, "n-" + RUN);
        assertFalse(tampered.equals(presentation));
        // @sd-jwt 0.19 leaves out a disclosure the issuer did not commit to (RFC 9901 asks a verifier to reject the
        // presentation, as PSI's verifier does): either way the changed value never reaches the verifier
        JsonNode forged = independentVerdict(tampered, "n-" + RUN);
        assertTrue(!forged.path("ok").asBoolean() || !forged.path("claims").has("counted_months"), forged.toString());
        Stack.contribution(null).body(Map.of("presentation", tampered, "nonce", "n-" + RUN, "audience", VERIFIER))
                .post("/api/credentials/verify").then().statusCode(200).body("valid", equalTo(false))
                .body("reason", equalTo("BAD_DISCLOSURE"));

        // her record changes (a reversal of the platform's line): the credential is INVALID in its status list
        Stack.contribution(Tokens.platform("platform-fastmeal")).header("Idempotency-Key", "cred-rev-" + RUN)
                .body(Map.of("lines", List.of(Map.of("ref", "CRED-" + RUN + "-R", "reversesRef", "CRED-" + RUN,
                        "nationalId", worker.nationalId(), "scheme", "PENSION", "period", Insured.MONTH))))
                .post("/api/contribution-batches").then().statusCode(201).body("accepted", equalTo(1));
        JsonNode after = independentVerdict(present(credential, Set.of("counted_months"), holder, "n2-" + RUN), "n2-" + RUN);
        assertFalse(after.path("ok").asBoolean(), after.toString());
    }
}
