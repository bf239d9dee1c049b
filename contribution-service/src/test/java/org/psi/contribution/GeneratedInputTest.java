package org.psi.contribution;

import static io.restassured.RestAssured.given;
import static org.psi.common.test.fuzz.Endpoint.once;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psi.common.test.Tokens;
import org.psi.common.test.fuzz.Endpoint;
import org.psi.common.test.fuzz.GeneratedInputs;
import org.psi.common.test.fuzz.Mutations;
import org.psi.contribution.inbox.InboxStore;
import org.psi.contribution.inbox.NotificationKind;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/**
 * Generated inputs for every public operation (org.psi.common.test.fuzz): about a hundred requests
 * each, made from a valid one with hostile path values, query parameters, bodies (JSON, NDJSON, CSV,
 * JWS), content types, headers and tokens, seeded (the seed is printed; replay with
 * -Dpsi.fuzz.seed=N). Each is answered with a success or a 4xx problem+json, never a 5xx; a refused
 * one changes nothing in the database, and the ledger balances after each operation's run
 * ({@link LedgerChecks}). The workers and feeds are in Shaanxi (610000, Xi'an 610100), the policies
 * set and re-assessed in Hebei (130000): regions no other test uses.
 */
@QuarkusTest
class GeneratedInputTest extends LedgerChecks {

    static final String PROVINCE = "610000";
    static final String CITY = "610100";
    static final String POLICY_REGION = "130000";

    /** Every public operation of the service: a new one fails {@link #everyPublicOperationIsCovered()} until it is here. */
    static final List<String> OPERATIONS = List.of(
            "GET /.well-known/jwks.json",
            "POST /api/certificates/verify",
            "GET /api/workers/me/certificate",
            "POST /api/workers/me/credentials/insurance",
            "POST /api/credentials/verify",
            "GET /.well-known/jwt-vc-issuer",
            "GET /api/credentials/status/{listId}",
            "GET /api/workers/me/statement",
            "GET /api/workers/me/notifications",
            "POST /api/workers/me/notifications/{id}/read",
            "POST /api/workers/me/payments",
            "POST /api/contribution-batches",
            "GET /api/contribution-batches",
            "PUT /api/platforms/me/webhook",
            "GET /api/platforms/me/webhook",
            "POST /api/platforms/me/webhook/rotate-secret",
            "GET /api/platforms/me/webhook/deliveries",
            "GET /api/contribution-batches/{batchId}",
            "POST /api/contribution-feeds",
            "GET /api/contribution-feeds",
            "GET /api/contribution-feeds/{id}",
            "GET /api/contribution-feeds/{id}/errors",
            "POST /api/contribution-feeds/{id}/cancel",
            "GET /api/regions/{code}/policies/{year}",
            "PUT /api/regions/{code}/policies/{year}",
            "GET /api/regions/{code}/policies/{year}/versions",
            "POST /api/regions/{code}/policies/{year}/reassessments",
            "GET /api/statistics/contributions",
            "POST /api/statistics/refresh");

    @TestHTTPResource
    URL url;

    @Inject
    InboxStore inbox;

    /** A notification in the worker's inbox, for the operations that name one. */
    private String notificationOf(Worker w) {
        String about = "generated-input:" + UUID.randomUUID();
        inbox.tell(UUID.fromString(w.workerId()), NotificationKind.TRANSFER_STEP, about, java.time.Instant.now(),
                Map.of("transferId", UUID.randomUUID().toString(), "step", "SUBMITTED"));
        return inbox.page(UUID.fromString(w.workerId()), null, 1).get(0).id().toString();
    }

    static List<String> operations() {
        return OPERATIONS;
    }

    @Test
    void everyPublicOperationIsCovered() {
        String doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        GeneratedInputs.assertCovers(GeneratedInputs.operations(doc, "/api", "/.well-known"), OPERATIONS);
    }

    /**
     * An empty Accept header (found by the generated inputs of the enrollment-service's statistics,
     * seed 20260311) was a 500 where an endpoint looks at the media types asked for: answered as if
     * there were none.
     */
    @Test
    void anEmptyAcceptHeaderIsAnsweredAsIfThereWereNone() {
        given().auth().oauth2(Tokens.auditor()).header("Accept", "").queryParam("month", Fixtures.thisMonth().toString())
                .get("/api/statistics/contributions").then().statusCode(200).contentType(io.restassured.http.ContentType.JSON);
        given().auth().oauth2(world().worker().token()).header("Accept", "").queryParam("scheme", "PENSION")
                .get("/api/workers/me/certificate").then().statusCode(200).contentType("application/jose");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void generatedInputsAreAnsweredWithSuccessOrAProblem(String operation) {
        // background jobs rewrite these while the inputs run, whatever the requests: the fold of the statement
        // changes (same counts, fewer rows) and the webhook dispatcher's attempts
        new GeneratedInputs(url.toString(), db, "statement_change", "webhook_delivery").run(endpoint(operation));
    }

    private Endpoint endpoint(String operation) {
        world();
        Endpoint e = Endpoint.of(operation);
        String thisMonth = Fixtures.thisMonth().toString();
        String year = Integer.toString(Fixtures.thisMonth().getYear());
        return switch (operation) {
            case "GET /.well-known/jwks.json" -> e;
            case "POST /api/certificates/verify" -> {
                String jws = certificate(world().worker());
                yield e.text("application/jose", () -> jws).text("text/plain", () -> jws)
                        .json(() -> Mutations.ordered("jws", jws));
            }
            case "GET /api/workers/me/certificate" -> e.token(() -> world().worker().token())
                    .accepts("application/jose", "application/json").query("scheme", () -> "PENSION");
            case "POST /api/workers/me/credentials/insurance" -> e.token(() -> world().worker().token())
                    .accepts("application/dc+sd-jwt", "application/json")
                    .json(() -> Mutations.ordered("scheme", "PENSION", "holderKey", Mutations.ordered("kty", "EC", "crv", "P-256",
                            "x", "TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc", "y", "ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ")));
            case "POST /api/credentials/verify" -> {
                String credential = given().auth().oauth2(world().worker().token()).contentType(io.restassured.http.ContentType.JSON)
                        .body(Map.of("scheme", "PENSION")).post("/api/workers/me/credentials/insurance").then().statusCode(201)
                        .extract().asString();
                yield e.json(() -> Mutations.ordered("presentation", credential, "nonce", "n-1", "audience", "https://verifier.example"));
            }
            case "GET /.well-known/jwt-vc-issuer" -> e;
            case "GET /api/credentials/status/{listId}" -> e.accepts("application/statuslist+jwt").path("listId", () -> "1");
            case "GET /api/workers/me/statement" -> e.token(() -> world().worker().token()).query("scheme", () -> "PENSION")
                    .query("from", () -> YearMonth.parse(thisMonth).minusMonths(3).toString()).query("to", () -> thisMonth);
            case "GET /api/workers/me/notifications" -> e.token(() -> world().worker().token())
                    .query("limit", () -> "5").query("cursor", () -> null);
            case "POST /api/workers/me/notifications/{id}/read" -> e.token(() -> world().worker().token())
                    .path("id", () -> notificationOf(world().worker()));
            case "POST /api/workers/me/payments" -> e.token(() -> world().worker().token()).header("Idempotency-Key", Fixtures::key)
                    .json(() -> Mutations.ordered("scheme", "PENSION", "month", thisMonth, "amountFen", 1_000L, "paymentRef", Fixtures.ref()));
            case "POST /api/contribution-batches" -> {
                World w = world();
                yield e.token(once(() -> w.platform().token())).header("Idempotency-Key", Fixtures::key)
                        .json(() -> Mutations.ordered("lines", List.of(line(w), line(w))))
                        .ndjson("application/x-ndjson", () -> List.of(line(w), line(w)))
                        .text("text/csv", () -> "ref,nationalId,scheme,period,amountFen\n" + Fixtures.ref() + "," + w.worker().nationalId()
                                + ",PENSION," + thisMonth + ",100\n");
            }
            case "POST /api/contribution-feeds" -> {
                World w = world();
                yield e.token(once(() -> w.platform().token())).header("Idempotency-Key", Fixtures::key)
                        .ndjson("application/x-ndjson", () -> List.of(line(w), line(w)))
                        .text("text/csv", () -> "ref,nationalId,scheme,period,amountFen\n" + Fixtures.ref() + "," + w.worker().nationalId()
                                + ",PENSION," + thisMonth + ",100\n");
            }
            case "GET /api/contribution-feeds" -> e.token(once(() -> world().platform().token()))
                    .query("limit", () -> "5").query("cursor", () -> null);
            case "GET /api/contribution-feeds/{id}", "POST /api/contribution-feeds/{id}/cancel" ->
                    e.token(once(() -> world().platform().token())).path("id", () -> feedJobOf(world()));
            case "GET /api/contribution-feeds/{id}/errors" -> e.token(once(() -> world().platform().token()))
                    .accepts("application/x-ndjson", "text/csv").path("id", () -> feedJobOf(world()));
            case "PUT /api/platforms/me/webhook" -> e.token(once(() -> world().platform().token()))
                    .json(() -> Mutations.ordered("url", "http://127.0.0.1:9/psi-hook", "events",
                            List.of("cn.psi.contribution.batch.completed")));
            case "GET /api/platforms/me/webhook", "POST /api/platforms/me/webhook/rotate-secret", "GET /api/platforms/me/webhook/deliveries" ->
                    e.token(once(() -> world().platform().token()));
            case "GET /api/contribution-batches" -> e.token(once(() -> world().platform().token()))
                    .query("limit", () -> "5").query("cursor", () -> null);
            case "GET /api/contribution-batches/{batchId}" -> e.token(once(() -> world().platform().token()))
                    .path("batchId", () -> world().batchId());
            case "GET /api/regions/{code}/policies/{year}" -> e.token(once(Tokens::newWorker)).path("code", () -> PROVINCE).path("year", () -> year);
            case "GET /api/regions/{code}/policies/{year}/versions" -> e.token(once(Tokens::auditor)).path("code", () -> PROVINCE)
                    .path("year", () -> year);
            case "PUT /api/regions/{code}/policies/{year}" -> {
                policy(POLICY_REGION);
                yield e.token(once(Tokens::admin)).path("code", () -> POLICY_REGION).path("year", () -> year).json(GeneratedInputTest::policyBody);
            }
            case "POST /api/regions/{code}/policies/{year}/reassessments" -> {
                policy(POLICY_REGION);
                yield e.token(once(() -> Tokens.officer(POLICY_REGION))).path("code", () -> POLICY_REGION).path("year", () -> year)
                        .header("Idempotency-Key", Fixtures::key)
                        .json(() -> Mutations.ordered("reason", "The province published its average wage; applied back to January"))
                        .json(() -> Mutations.ordered("reason", "A new version of the year's policy", "policy", policyBody()));
            }
            case "GET /api/statistics/contributions" -> e.token(once(Tokens::auditor)).accepts("application/json", "text/csv")
                    .query("month", () -> thisMonth).query("from", () -> null).query("to", () -> null)
                    .query("region", () -> PROVINCE).query("groupBy", () -> "region,payerKind");
            case "POST /api/statistics/refresh" -> e.token(once(Tokens::admin));
            default -> throw new IllegalArgumentException("No generated inputs for " + operation);
        };
    }

    // ------------------------------------------------------------------ fixtures, made once for the class

    /** A platform, a worker enrolled in PENSION in Shaanxi and linked to it, one batch of the platform's. */
    record World(Platform platform, Worker worker, String batchId) {
    }

    private static World world;

    private static synchronized World world() {
        if (world == null) {
            policy(PROVINCE);
            policy(CITY);
            Platform p = Fixtures.platform();
            Worker w = Fixtures.linkedWorker(p, "PENSION", PROVINCE);
            World made = new World(p, w, null);
            String batchId = Fixtures.send(p, Fixtures.key(), Map.of("lines", List.of(line(made))))
                    .then().statusCode(201).extract().path("batchId");
            Fixtures.pay(w, Fixtures.key(), Fixtures.payment("PENSION", Fixtures.thisMonth().toString(), 1_000, Fixtures.ref()))
                    .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
            world = new World(p, w, batchId);
        }
        return world;
    }

    private static Map<String, Object> line(World w) {
        return Mutations.ordered("ref", Fixtures.ref(), "nationalId", w.worker().nationalId(), "scheme", "PENSION",
                "period", Fixtures.thisMonth().toString(), "amountFen", 100L);
    }

    /** A new feed job of the world's platform, waiting to be applied. */
    private static String feedJobOf(World w) {
        return given().auth().oauth2(w.platform().token()).contentType("application/x-ndjson").header("Idempotency-Key", Fixtures.key())
                .body(("{\"ref\":\"" + Fixtures.ref() + "\",\"nationalId\":\"" + w.worker().nationalId() + "\",\"scheme\":\"PENSION\",\"period\":\""
                        + Fixtures.thisMonth() + "\",\"amountFen\":100}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/contribution-feeds").then().statusCode(202).extract().path("id");
    }

    private static String certificate(Worker w) {
        return given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").accept("application/jose")
                .get("/api/workers/me/certificate").then().statusCode(200).extract().asString();
    }

    private static Map<String, Object> policyBody() {
        return Mutations.ordered("averageMonthlyWageFen", Fixtures.WAGE_FEN, "baseFloorPercent", 60L, "baseCeilingPercent", 300L,
                "pensionRatePercent", 20L, "pensionIndividualPercent", 8L, "medicalRatePercent", 9L, "medicalIndividualPercent", 2L,
                "injuryFeePerOrderFen", Mutations.ordered("FOOD_DELIVERY", Fixtures.FOOD_FEE_FEN, "RIDE_HAILING", Fixtures.RIDE_FEE_FEN,
                        "INSTANT_DELIVERY", 7L));
    }

    private static void policy(String region) {
        Fixtures.testPolicy(region);
    }
}
