package org.psi.contribution.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * The contribution certificate: a compact JWS that a plain JOSE library verifies against the
 * published JWKS alone, that fails when any byte changes, and that still verifies after the
 * signing key is rotated.
 */
@QuarkusTest
class CertificateResourceTest extends LedgerChecks {

    private static final String GD = "440000";
    private static final long DUE = Fixtures.WAGE_FEN * 20 / 100;

    private Worker paidWorker() throws java.sql.SQLException {
        Fixtures.testPolicy(GD);
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE))).then().statusCode(201);
        assertEquals(DUE, paidBy(p));
        assertEquals(DUE * 8 / 20, individual(w.workerId(), org.psi.common.domain.Scheme.PENSION, GD));
        return w;
    }

    private static String certificate(Worker w) {
        return given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").accept("application/jose")
                .get("/api/workers/me/certificate")
                .then().statusCode(200).contentType("application/jose").extract().asString();
    }

    @Test
    void aPlainJoseLibraryVerifiesTheCertificateAgainstTheJwksAlone() throws Exception {
        Worker w = paidWorker();
        String jws = certificate(w);
        // what an outside verifier has: the published keys, nothing else
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JWKSet keys = JWKSet.parse(jwks);
        for (JWK k : keys.getKeys()) {
            assertFalse(k.isPrivate(), "the JWKS publishes public keys only");
            assertFalse(k.toJSONString().contains("\"d\""), "no private key material is published");
        }

        JWSObject parsed = JWSObject.parse(jws);
        assertEquals(JWSAlgorithm.ES256, parsed.getHeader().getAlgorithm());
        JWK key = keys.getKeyByKeyId(parsed.getHeader().getKeyID());
        assertNotNull(key, "the certificate names a published key");
        JWSVerifier verifier = new ECDSAVerifier(key.toECKey());
        assertTrue(parsed.verify(verifier), "the signature verifies against the JWKS");

        Map<String, Object> claims = parsed.getPayload().toJSONObject();
        assertEquals(w.workerId(), claims.get("sub"));
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) claims.get("certificate");
        assertEquals("PENSION", content.get("scheme"));
        assertEquals(1L, ((Number) content.get("countedMonths")).longValue());
        assertEquals(DUE * 8 / 20, ((Number) content.get("individualAccountFen")).longValue());
        List<?> periods = (List<?>) content.get("periods");
        assertEquals(1, periods.size());

        // change one byte of the payload: the signature no longer holds
        String[] parts = jws.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String text = new String(payload, StandardCharsets.UTF_8);
        String forged = text.replace("\"countedMonths\":1", "\"countedMonths\":9");
        assertFalse(forged.equals(text), "the forgery changes the content");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertFalse(JWSObject.parse(tampered).verify(verifier), "a changed byte fails verification");
        // and a changed byte of the signature
        char[] sig = parts[2].toCharArray();
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        assertFalse(JWSObject.parse(parts[0] + "." + parts[1] + "." + new String(sig)).verify(verifier));

        // the service's own verifier says the same
        given().contentType("application/jose").body(jws.getBytes(StandardCharsets.UTF_8)).post("/api/certificates/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("kid", equalTo(parsed.getHeader().getKeyID()))
                .body("certificate.countedMonths", equalTo(1));
        given().contentType("application/jose").body(tampered.getBytes(StandardCharsets.UTF_8)).post("/api/certificates/verify")
                .then().statusCode(200).body("valid", equalTo(false)).body("reason", equalTo("BAD_SIGNATURE"))
                .body("certificate", nullValue());
    }

    @Test
    void theJsonViewCarriesTheSameSignedContent() throws Exception {
        Worker w = paidWorker();
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").accept("application/json")
                .get("/api/workers/me/certificate")
                .then().statusCode(200).contentType("application/json")
                .body("jws", notNullValue()).body("kid", notNullValue())
                .body("certificate.months", hasSize(1))
                .body("certificate.months[0].status", equalTo("PAID"))
                .body("certificate.months[0].baseFen", equalTo((int) Fixtures.WAGE_FEN))
                .body("certificate.countedMonthsByRegion[0].region", equalTo(GD))
                .body("claims.sub", equalTo(w.workerId()));
        given().auth().oauth2(w.token()).queryParam("scheme", "GOLD").get("/api/workers/me/certificate")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("scheme", "PENSION").get("/api/workers/me/certificate").then().statusCode(401);
    }

    @Test
    void aCertificateSignedWithARetiredKeyStillVerifiesAndUnknownKeysDoNot() throws Exception {
        // rotation: the configured set keeps the retired key beside the active one
        JWKSet configured = JWKSet.parse(ConfigProvider.getConfig().getValue("psi.certificate.jwks", String.class));
        String active = ConfigProvider.getConfig().getValue("psi.certificate.active-kid", String.class);
        ECKey retired = configured.getKeys().stream().filter(k -> !k.getKeyID().equals(active)).findFirst()
                .orElseThrow().toECKey();
        String issuer = ConfigProvider.getConfig().getValue("psi.certificate.issuer", String.class);
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"w\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"certificate\":{\"scheme\":\"PENSION\",\"countedMonths\":3}}";
        JWSObject old = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(retired.getKeyID())
                .type(new JOSEObjectType("psi-certificate+jwt")).build(), new Payload(payload));
        old.sign(new ECDSASigner(retired));

        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", org.hamcrest.Matchers.hasItems(active, retired.getKeyID()));
        given().contentType("text/plain").body(old.serialize()).post("/api/certificates/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("kid", equalTo(retired.getKeyID()))
                .body("certificate.countedMonths", equalTo(3));

        // new certificates are signed with the active key
        Worker w = paidWorker();
        assertEquals(active, JWSObject.parse(certificate(w)).getHeader().getKeyID());

        // a key this service never published
        ECKey stranger = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).keyID("stranger").generate();
        JWSObject foreign = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("stranger").build(), new Payload(payload));
        foreign.sign(new ECDSASigner(stranger));
        given().contentType("application/json").body(Map.of("jws", foreign.serialize())).post("/api/certificates/verify")
                .then().statusCode(200).body("valid", equalTo(false)).body("reason", equalTo("UNKNOWN_KEY"));
        // the stranger's key under a published kid
        JWSObject impostor = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(active).build(), new Payload(payload));
        impostor.sign(new ECDSASigner(stranger));
        given().contentType("application/jose").body(impostor.serialize().getBytes(StandardCharsets.UTF_8)).post("/api/certificates/verify")
                .then().statusCode(200).body("valid", equalTo(false)).body("reason", equalTo("BAD_SIGNATURE"));
        given().contentType("application/jose").body("not a certificate".getBytes(StandardCharsets.UTF_8)).post("/api/certificates/verify")
                .then().statusCode(200).body("valid", equalTo(false)).body("reason", equalTo("MALFORMED"));
        given().contentType("application/jose").body(new byte[0]).post("/api/certificates/verify")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"jws\": 5}").post("/api/certificates/verify")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/certificates/verify").then().statusCode(405).contentType("application/problem+json");
    }
}
