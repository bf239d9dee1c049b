package org.psi.contribution.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.security.VerifiedTokens;
import org.psi.common.test.Tokens;

/**
 * The cache of verified tokens (org.psi.common.security.VerifiedTokens): a token is verified once and
 * its identity, roles included, serves its later requests; a token that differs in any character is
 * verified on its own; a kept token stops at its expiry; a token refused by a check is never kept.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    /** Needs role internal and changes nothing: 404 for an unknown worker once authenticated. */
    private static final String QUOTE = "/internal/workers/" + UUID.randomUUID() + "/transfer-quote?scheme=PENSION&fromRegion=440000";

    private static int status(String token) {
        return given().auth().oauth2(token).get(QUOTE).then().extract().statusCode();
    }

    @Test
    void aTokenIsVerifiedOnceAndKeepsItsRoles() {
        String internal = Tokens.internal("transfer-service");
        long before = tokens.size();
        assertEquals(404, status(internal));
        assertEquals(before + 1, tokens.size(), "kept after its first request");
        assertEquals(404, status(internal));
        assertEquals(404, status(internal));
        assertEquals(before + 1, tokens.size(), "verified once");

        String worker = Tokens.newWorker();
        assertEquals(403, status(worker));
        assertEquals(403, status(worker), "a kept worker's identity has the worker's roles only");
    }

    @Test
    void aTokenThatDiffersInAnyCharacterIsVerifiedOnItsOwn() {
        String internal = Tokens.internal("transfer-service");
        assertEquals(404, status(internal));
        String[] parts = internal.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String tamperedSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertEquals(401, status(tamperedSignature));
        assertEquals(401, status(Tokens.badSignature("service-account-transfer-service")));
        assertEquals(401, status(Tokens.expired("someone")));
    }

    @Test
    void aKeptTokenStopsAtItsExpiry() {
        Instant exp = Instant.now().plusSeconds(10);
        String shortLived = Tokens.sign(Tokens.builder("service-account-transfer-service", Set.of("internal"))
                .claim("azp", "transfer-service").expiresAt(exp));
        assertEquals(404, status(shortLived));
        assertEquals(404, status(shortLived));
        // without the expiry the kept identity would answer for psi.security.token-cache.max-age (5 minutes)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = status(shortLived);
        while (last != 401 && System.nanoTime() < deadline) {
            sleep(200);
            last = status(shortLived);
        }
        assertEquals(401, last, "the short-lived token is refused after its expiry");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenRefusedByACheckIsNeverKept() {
        String registration = Tokens.withVerifiedId("w-" + UUID.randomUUID(), "11010519491231002X");
        long before = tokens.size();
        assertEquals(401, status(registration));
        assertEquals(401, status(registration));
        assertEquals(before, tokens.size());
    }
}
