package org.psi.contribution.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.pay;
import static org.psi.contribution.support.Fixtures.payment;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.psi.common.test.OidcServerResource;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;

/**
 * The hardening of the contribution-service: personal data is never cached,
 * every endpoint says who may call it (and one that does not would be refused), only access
 * tokens (typ Bearer) are taken and never introspected, a registration token with the verified
 * citizen ID is refused here.
 */
@QuarkusTest
class HardeningTest {

    private static final String GD = "440000";

    @Test
    void personalDataIsNeverStoredByACache() {
        Fixtures.testPolicy(GD);
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", GD);
        long due = Fixtures.WAGE_FEN * 20 / 100;
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), due - 100))).then().statusCode(201)
                .header("Cache-Control", "no-store");
        given().auth().oauth2(p.token()).get("/api/contribution-batches").then().statusCode(200).header("Cache-Control", "no-store");
        pay(w, key(), payment("PENSION", thisMonth().toString(), 100, "PAY-" + ref())).then().statusCode(201)
                .header("Cache-Control", "no-store");
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").accept("application/jose")
                .get("/api/workers/me/certificate").then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").get("/api/workers/me/certificate")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().contentType("application/jose").body("a.b.c".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/certificates/verify")
                .then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void everyEndpointSaysWhoMayCallIt() throws IOException, ClassNotFoundException {
        assertTrue(ConfigProvider.getConfig().getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class),
                "an endpoint without a role annotation is refused rather than open");
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> open = new ArrayList<>();
        int endpoints = 0;
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isInterface() || type.getAnnotation(Path.class) == null) {
                    continue; // REST clients are interfaces
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (!httpMethod(m)) {
                        continue;
                    }
                    endpoints++;
                    if (!secured(m) && !secured(type)) {
                        open.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertTrue(endpoints > 10, "the endpoints were found: " + endpoints);
        assertEquals(List.of(), open, "endpoints without @RolesAllowed, @Authenticated or @PermitAll");
    }

    private static boolean httpMethod(Method m) {
        return Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class).anyMatch(m::isAnnotationPresent);
    }

    private static boolean secured(AnnotatedElement e) {
        Set<Class<? extends Annotation>> marks = Set.of(RolesAllowed.class, Authenticated.class, PermitAll.class, DenyAll.class);
        return marks.stream().anyMatch(e::isAnnotationPresent);
    }

    @Test
    void onlyAccessTokensAreAcceptedAndNeverIntrospected() {
        String subject = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.worker(subject)).queryParam("scheme", "PENSION").get("/api/workers/me/statement").then().statusCode(404);
        given().auth().oauth2(Tokens.idToken(subject)).get("/api/workers/me/statement").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(Tokens.refreshToken(subject)).get("/api/workers/me/statement").then().statusCode(401);
        given().auth().oauth2(Tokens.untyped(subject)).get("/api/workers/me/statement").then().statusCode(401);
        String opaque = "opaque-" + UUID.randomUUID();
        OidcServerResource.activeOnIntrospection(ConfigProvider.getConfig().getValue("keycloak.url", String.class), opaque, subject);
        given().auth().oauth2(opaque).get("/api/workers/me/statement").then().statusCode(401);
    }

    @Test
    void verifyingACertificateNeverFetchesWhatItsHeaderNames() throws Exception {
        // an outsider's certificate that names a key URL (jku, x5u) and carries its own key (jwk):
        // the verifier trusts the published keys alone and calls nowhere (no SSRF)
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            com.nimbusds.jose.jwk.ECKey attacker = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                    .keyID("psi-cert-2026-1").generate();
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                    new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256).keyID("psi-cert-2026-1")
                            .jwkURL(java.net.URI.create(base + "/jwks.json")).x509CertURL(java.net.URI.create(base + "/cert.pem"))
                            .jwk(attacker.toPublicJWK()).build(),
                    new com.nimbusds.jose.Payload("{\"iss\":\"https://psi.example/contribution-service\",\"sub\":\"x\"}"));
            jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(attacker));
            given().contentType("application/jose").body(jws.serialize().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/certificates/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(false));
            assertEquals(0, calls.get(), "nothing was fetched from the URLs the certificate names");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRegistrationTokenIsRefusedHere() {
        String subject = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.withVerifiedId(subject, Fixtures.nationalId())).get("/api/workers/me/statement")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
