package org.psi.contribution.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Worker;

/**
 * The worker's SD-JWT VC, checked without the library that issues it: the signature against the
 * issuer metadata's keys, each disclosure's digest by hand (SHA-256 of the disclosure, in {@code _sd}),
 * the status bit by decompressing the status list. A presentation discloses only what the holder
 * chooses; a tampered or added disclosure, a wrong nonce or audience, a missing key binding fail;
 * a payment turns the credential INVALID.
 */
@QuarkusTest
class CredentialResourceTest {

    private static final String GD = "440000";
    private static final long DUE = Fixtures.WAGE_FEN * 20 / 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERIFIER = "https://verifier.example";

    private static Worker paidWorker() {
        Fixtures.testPolicy(GD);
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", GD, null);
        Fixtures.pay(w, Fixtures.key(), Fixtures.payment("PENSION", Fixtures.thisMonth().toString(), DUE, "P-" + Fixtures.ref()))
                .then().statusCode(201);
        return w;
    }

    /** A credential as its JSON view; {@code key}, the holder's JWK, may be null. */
    private static ValidatableResponse issue(Worker w, String scheme, Object key) {
        Map<String, Object> body = new HashMap<>();
        body.put("scheme", scheme);
        if (key != null) {
            body.put("holderKey", key);
        }
        return given().auth().oauth2(w.token()).contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .post("/api/workers/me/credentials/insurance").then();
    }

    private static JsonNode part(String jwt, int i) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]));
    }

    private static String sha256(String s) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The disclosures of an issued credential by claim name (the claim name is the second element of each). */
    private static Map<String, String> disclosures(String credential) throws Exception {
        Map<String, String> byName = new HashMap<>();
        String[] parts = credential.split("~");
        for (int i = 1; i < parts.length; i++) {
            JsonNode d = JSON.readTree(Base64.getUrlDecoder().decode(parts[i]));
            byName.put(d.get(1).asText(), parts[i]);
        }
        return byName;
    }

    /** The holder's presentation: the issuer-signed JWT, the chosen disclosures, and a key-binding JWT over them. */
    private static String present(String credential, List<String> chosen, ECKey holder, String nonce, String audience) throws Exception {
        StringBuilder p = new StringBuilder(credential.split("~")[0]).append('~');
        chosen.forEach(d -> p.append(d).append('~'));
        if (holder == null) {
            return p.toString();
        }
        SignedJWT kb = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("kb+jwt")).build(),
                new JWTClaimsSet.Builder().issueTime(new Date()).audience(audience).claim("nonce", nonce)
                        .claim("sd_hash", sha256(p.toString())).build());
        kb.sign(new ECDSASigner(holder));
        return p + kb.serialize();
    }

    private static ValidatableResponse verify(String presentation, String nonce, String audience) {
        Map<String, Object> body = new HashMap<>();
        body.put("presentation", presentation);
        if (nonce != null) {
            body.put("nonce", nonce);
        }
        if (audience != null) {
            body.put("audience", audience);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/credentials/verify").then().statusCode(200);
    }

    @Test
    void aKeyBoundCredentialDisclosesOnlyWhatTheHolderChooses() throws Exception {
        Worker w = paidWorker();
        ECKey holder = new ECKeyGenerator(Curve.P_256).generate();
        var issued = issue(w, "PENSION", holder.toPublicJWK().toJSONObject()).statusCode(201)
                .body("keyBound", equalTo(true)).extract().jsonPath();
        String credential = issued.getString("credential");

        // the issuer-signed JWT: signed by a key of the issuer metadata, hiding every claim about her
        Map<String, Object> metadata = given().get("/.well-known/jwt-vc-issuer").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        String jwt = credential.split("~")[0];
        SignedJWT signed = SignedJWT.parse(jwt);
        @SuppressWarnings("unchecked")
        JWKSet jwks = JWKSet.parse((Map<String, Object>) metadata.get("jwks"));
        assertTrue(signed.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId(signed.getHeader().getKeyID()))));
        assertEquals(metadata.get("issuer"), signed.getJWTClaimsSet().getIssuer());
        assertEquals("dc+sd-jwt", signed.getHeader().getType().getType());
        JsonNode payload = part(jwt, 1);
        for (String absent : List.of("sub", "jti", "workerId", "scheme", "region", "counted_months", "name", "birthDate")) {
            assertNull(payload.get(absent), absent + " is not in the clear");
        }
        assertEquals(holder.getX().toString(), payload.at("/cnf/jwk/x").asText());
        assertTrue(payload.at("/status/status_list/idx").isInt());
        assertFalse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8).contains(w.nationalId()));

        // every disclosure is committed to by its digest, and none holds the citizen ID or a birth date
        Map<String, String> d = disclosures(credential);
        Set<String> digests = new java.util.HashSet<>();
        payload.get("_sd").forEach(x -> digests.add(x.asText()));
        for (String disclosure : d.values()) {
            assertTrue(digests.contains(sha256(disclosure)), "committed: " + disclosure);
            String decoded = new String(Base64.getUrlDecoder().decode(disclosure), StandardCharsets.UTF_8);
            assertFalse(decoded.contains(w.nationalId()) || decoded.contains(w.nationalId().substring(6, 14)), decoded);
        }
        assertEquals(Set.copyOf(issued.getList("disclosable")), d.keySet());

        // "insured for PENSION in 440000, 1 month counted": three claims, nothing else
        List<String> chosen = List.of(d.get("scheme"), d.get("region"), d.get("counted_months"));
        verify(present(credential, chosen, holder, "n-1", VERIFIER), "n-1", VERIFIER)
                .body("valid", equalTo(true)).body("keyBound", equalTo(true))
                .body("disclosed", equalTo(Map.of("scheme", "PENSION", "region", GD, "counted_months", 1)));

        // what fails
        verify(present(credential, chosen, holder, "n-1", VERIFIER), "n-2", VERIFIER).body("valid", equalTo(false))
                .body("reason", equalTo("WRONG_AUDIENCE_OR_NONCE"));
        verify(present(credential, chosen, holder, "n-1", "https://other.example"), "n-1", VERIFIER).body("reason", equalTo("WRONG_AUDIENCE_OR_NONCE"));
        verify(present(credential, chosen, null, null, null), "n-1", VERIFIER).body("reason", equalTo("NO_KEY_BINDING"));
        verify(present(credential, chosen, new ECKeyGenerator(Curve.P_256).generate(), "n-1", VERIFIER), "n-1", VERIFIER)
                .body("reason", equalTo("BAD_KEY_BINDING"));
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder()
                .decode(d.get("counted_months")), StandardCharsets.UTF_8).replaceFirst(",\\s*1\\]$", ",180]").getBytes(StandardCharsets.UTF_8));
        assertFalse(tampered.equals(d.get("counted_months")));
        verify(present(credential, List.of(d.get("scheme"), tampered), holder, "n-1", VERIFIER), "n-1", VERIFIER)
                .body("valid", equalTo(false)).body("reason", equalTo("BAD_DISCLOSURE"));
        String extra = Base64.getUrlEncoder().withoutPadding().encodeToString("[\"c2FsdHNhbHRzYWx0\",\"insured_since\",\"2001-01\"]"
                .getBytes(StandardCharsets.UTF_8));
        verify(present(credential, List.of(d.get("scheme"), extra), holder, "n-1", VERIFIER), "n-1", VERIFIER)
                .body("reason", equalTo("BAD_DISCLOSURE"));
        verify(present(credential, List.of(d.get("scheme"), d.get("scheme")), holder, "n-1", VERIFIER), "n-1", VERIFIER)
                .body("reason", equalTo("BAD_DISCLOSURE"));
        String[] jws = jwt.split("\\.");
        String forged = jws[0] + "." + jws[1].substring(0, jws[1].length() - 2) + "AA." + jws[2];
        verify(present(forged + "~", chosen, holder, "n-1", VERIFIER), "n-1", VERIFIER).body("valid", equalTo(false));
    }

    @Test
    void aPaymentTurnsTheCredentialInvalidInItsStatusList() throws Exception {
        Fixtures.testPolicy(GD);
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", GD, null);
        String credential = issue(w, "PENSION", null).statusCode(201).body("keyBound", equalTo(false))
                .extract().path("credential");
        JsonNode status = part(credential.split("~")[0], 1).at("/status/status_list");
        int idx = status.get("idx").asInt();
        String uri = status.get("uri").asText();
        String list = uri.substring(uri.lastIndexOf('/') + 1);
        assertEquals(0, bit(list, idx));
        String counted = disclosures(credential).get("counted_months");
        // a bearer credential: whoever holds it presents it without a key binding
        verify(present(credential, List.of(counted), null, null, null), null, null)
                .body("valid", equalTo(true)).body("keyBound", equalTo(false)).body("disclosed.counted_months", equalTo(0));

        // she pays the month: what the credential states (0 months counted) is no longer true
        Fixtures.pay(w, Fixtures.key(), Fixtures.payment("PENSION", Fixtures.thisMonth().toString(), DUE, "P-" + Fixtures.ref()))
                .then().statusCode(201);
        assertEquals(1, bit(list, idx));
        verify(present(credential, List.of(counted), null, null, null), null, null)
                .body("valid", equalTo(false)).body("reason", equalTo("REVOKED"));
        String fresh = issue(w, "PENSION", null).statusCode(201).extract().path("credential");
        verify(present(fresh, List.of(disclosures(fresh).get("counted_months")), null, null, null), null, null)
                .body("valid", equalTo(true)).body("disclosed.counted_months", equalTo(1));
    }

    @Test
    void theCredentialItselfIsTheDefaultAnswer() throws Exception {
        Worker w = paidWorker();
        String credential = given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("scheme", "MEDICAL"))
                .post("/api/workers/me/credentials/insurance").then().statusCode(201).contentType("application/dc+sd-jwt")
                .extract().asString();
        assertTrue(credential.endsWith("~") && credential.split("~").length > 5, credential);
        assertEquals("dc+sd-jwt", part(credential.split("~")[0], 0).get("typ").asText());
    }

    @Test
    void badRequestsAreRefusedAndIssueNothing() throws Exception {
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", GD, null);
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        issue(w, "PENSION", key.toJSONObject()).statusCode(400).contentType("application/problem+json")
                .body("errors[0].code", equalTo("PRIVATE_KEY"));
        issue(w, "PENSION", new RSAKeyGenerator(2048).generate().toPublicJWK().toJSONObject()).statusCode(400)
                .body("errors[0].code", equalTo("UNSUPPORTED_KEY"));
        issue(w, "PENSION", Map.of("kty", "EC")).statusCode(400).body("errors[0].code", equalTo("INVALID_KEY"));
        issue(w, "OCCUPATIONAL_INJURY", null).statusCode(400);
        issue(w, "NOPE", null).statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("scheme", "PENSION"))
                .post("/api/workers/me/credentials/insurance").then().statusCode(401);
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).post("/api/workers/me/credentials/insurance").then().statusCode(400);
        given().get("/api/credentials/status/99999").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/credentials/verify").then().statusCode(400);
        verify("not an sd-jwt", null, null).body("valid", equalTo(false)).body("reason", equalTo("MALFORMED"));
    }

    /** The status of {@code idx} in the published list, read from the token as any verifier would. */
    private static int bit(String list, int idx) throws Exception {
        String token = given().accept("application/statuslist+jwt").get("/api/credentials/status/" + list).then().statusCode(200)
                .contentType("application/statuslist+jwt").extract().asString();
        JsonNode payload = part(token, 1);
        assertEquals(1, payload.at("/status_list/bits").asInt());
        byte[] compressed = Base64.getUrlDecoder().decode(payload.at("/status_list/lst").asText());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(compressed))) {
            in.transferTo(out);
        }
        byte[] bits = out.toByteArray();
        return (bits[idx / 8] >> (idx % 8)) & 1;
    }
}
