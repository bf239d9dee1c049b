package org.psi.enrollment.internal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

@QuarkusTest
class InternalResourceTest {

    private static final String SERVICE = Tokens.internal("contribution-service");

    private static void link(Fixtures.Registered w, String platform) {
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", platform))
                .post("/api/workers/me/platform-links").then().statusCode(201);
    }

    @Test
    void answersAWholeFeedInOneCallInTheOrderAsked() {
        String platform = Fixtures.platform("FOOD_DELIVERY", "INSTANT_DELIVERY");
        String otherPlatform = Fixtures.platform();
        Fixtures.Registered linked = Fixtures.worker();
        Fixtures.enrol(linked.token(), "PENSION", "440000", 120, null).statusCode(201);
        Fixtures.enrol(linked.token(), "OCCUPATIONAL_INJURY", "440000", null, null).statusCode(201);
        link(linked, platform);
        link(linked, otherPlatform);
        Fixtures.Registered unlinked = Fixtures.worker();
        String unregistered = Fixtures.nationalId();

        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("platformClientId", "client-" + platform,
                        "nationalIds", List.of(linked.nationalId(), unregistered, "12345", unlinked.nationalId().toLowerCase(), linked.nationalId())))
                .post("/internal/eligibility")
                .then().statusCode(200)
                .body("platform.code", equalTo(platform))
                .body("results", hasSize(5))
                .body("results[0].found", equalTo(true))
                .body("results[0].worker.workerId", equalTo(linked.workerId()))
                .body("results[0].worker.enrollments", hasSize(2))
                .body("results[0].worker.enrollments.find { it.scheme == 'PENSION' }.region", equalTo("440000"))
                .body("results[0].worker.enrollments.find { it.scheme == 'PENSION' }.grades[0].baseGrade", equalTo(120))
                .body("results[0].worker.enrollments.find { it.scheme == 'PENSION' }.coveredPeriods[0].to", nullValue())
                .body("results[0].worker.consents", hasSize(1))
                .body("results[0].worker.consents[0].platformCode", equalTo(platform))
                .body("results[0].worker.consents[0].grantedAt", notNullValue())
                .body("results[1].found", equalTo(false)).body("results[1].problem", equalTo("NOT_REGISTERED"))
                .body("results[2].problem", equalTo("INVALID_LENGTH"))
                .body("results[3].worker.workerId", equalTo(unlinked.workerId()))
                .body("results[3].worker.consents", hasSize(0))
                .body("results[4].worker.workerId", equalTo(linked.workerId()));
    }

    @Test
    void refusesOtherCallersUnknownPlatformsAndOversizedRequests() {
        Map<String, Object> body = Map.of("platformClientId", "client-nobody", "nationalIds", List.of(Fixtures.nationalId()));
        given().auth().oauth2(Tokens.platform("client-nobody")).contentType(ContentType.JSON).body(body)
                .post("/internal/eligibility").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.newWorker()).get("/internal/workers/" + UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(body)
                .post("/internal/eligibility").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("platformClientId", "client-nobody", "nationalIds", List.of()))
                .post("/internal/eligibility").then().statusCode(400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 50_001; i++) {
            many.add("11010519491231002X");
        }
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("platformClientId", "client-" + Fixtures.platform(), "nationalIds", many))
                .post("/internal/eligibility").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void findsOneWorkerBySubjectOrId() {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "MEDICAL", "440300", 90, null).statusCode(201);
        given().auth().oauth2(SERVICE).get("/internal/workers/by-subject/" + w.subject())
                .then().statusCode(200).body("workerId", equalTo(w.workerId()))
                .body("hukouRegion", equalTo("440305")).body("enrollments[0].scheme", equalTo("MEDICAL"));
        given().auth().oauth2(SERVICE).get("/internal/workers/" + w.workerId())
                .then().statusCode(200).body("subject", equalTo(w.subject()));
        given().auth().oauth2(SERVICE).get("/internal/workers/by-subject/nobody").then().statusCode(404);
        given().auth().oauth2(SERVICE).get("/internal/workers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void movesAnEnrollmentOncePerTransfer() {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "PENSION", "440000", 150, null).statusCode(201);
        String transferId = UUID.randomUUID().toString();
        YearMonth next = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1);
        Map<String, Object> move = Map.of("workerId", w.workerId(), "scheme", "PENSION", "toRegion", "310000", "mode", "MOVE");
        String opened = given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(move)
                .put("/internal/transfers/" + transferId + "/enrollment-move")
                .then().statusCode(200)
                .body("closed.status", equalTo("CLOSED"))
                .body("closed.endMonth", equalTo(next.minusMonths(1).toString()))
                .body("opened.region", equalTo("310000"))
                .body("opened.status", equalTo("ACTIVE"))
                .body("opened.startMonth", equalTo(next.toString()))
                .body("opened.grades[0].baseGrade", equalTo(150))
                .extract().path("opened.enrollmentId");
        // a retry answers the same result and changes nothing
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(move)
                .put("/internal/transfers/" + transferId + "/enrollment-move")
                .then().statusCode(200).body("opened.enrollmentId", equalTo(opened));
        given().auth().oauth2(w.token()).get("/api/workers/me/enrollments").then().body("$", hasSize(2));
        // the same transfer id cannot move something else
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("workerId", w.workerId(), "scheme", "PENSION", "toRegion", "320000", "mode", "MOVE"))
                .put("/internal/transfers/" + transferId + "/enrollment-move")
                .then().statusCode(409).contentType("application/problem+json");
        // the worker now has one current PENSION enrollment, in Shanghai
        given().auth().oauth2(w.token()).get("/api/workers/me/enrollments")
                .then().body("findAll { it.status == 'ACTIVE' }.region", equalTo(List.of("310000")));
        // the worker's new current enrollment blocks a second one as before
        Fixtures.enrol(w.token(), "PENSION", "440000", 100, null).statusCode(409);
    }

    @Test
    void racingMovesOfOneTransferAllAnswerTheFirstMove() throws Exception {
        // the calls of a saga step repeated by two transfer-service instances (a claim that lapsed while the
        // first call waited): the worker's row is locked first, so the later calls find the move made and
        // answer it, instead of finding no current enrollment (409)
        int calls = 8;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            for (int round = 0; round < 4; round++) {
                Fixtures.Registered w = Fixtures.worker();
                Fixtures.enrol(w.token(), "PENSION", "440000", 150, null).statusCode(201);
                String transferId = UUID.randomUUID().toString();
                Map<String, Object> move = Map.of("workerId", w.workerId(), "scheme", "PENSION", "toRegion", "310000", "mode", "MOVE");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(move)
                                .put("/internal/transfers/" + transferId + "/enrollment-move");
                    }));
                }
                start.countDown();
                Set<String> opened = new HashSet<>();
                for (Future<Response> answer : answers) {
                    Response r = answer.get(120, TimeUnit.SECONDS);
                    assertEquals(200, r.statusCode(), r.asString());
                    opened.add(r.path("opened.enrollmentId"));
                }
                assertEquals(1, opened.size(), "one move, answered alike: " + opened);
                given().auth().oauth2(w.token()).get("/api/workers/me/enrollments").then()
                        .body("$", hasSize(2))
                        .body("findAll { it.status == 'ACTIVE' }.id", equalTo(List.copyOf(opened)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void opensATemporaryAccountAndRefusesImpossibleMoves() {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "PENSION", "440000", 100, null).statusCode(201);
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("workerId", w.workerId(), "scheme", "PENSION", "toRegion", "440000", "mode", "MOVE"))
                .put("/internal/transfers/" + UUID.randomUUID() + "/enrollment-move")
                .then().statusCode(409).body("type", equalTo("https://psi.example/problems/same-region"));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("workerId", w.workerId(), "scheme", "MEDICAL", "toRegion", "310100", "mode", "MOVE"))
                .put("/internal/transfers/" + UUID.randomUUID() + "/enrollment-move")
                .then().statusCode(409).body("type", equalTo("https://psi.example/problems/no-current-enrollment"));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("workerId", w.workerId(), "scheme", "PENSION", "toRegion", "310100", "mode", "MOVE"))
                .put("/internal/transfers/" + UUID.randomUUID() + "/enrollment-move")
                .then().statusCode(400).body("errors[0].code", equalTo("NOT_A_POOLING_REGION"));
        given().auth().oauth2(w.token()).get("/api/workers/me/enrollments")
                .then().body("$", hasSize(1)).body("[0].status", equalTo("ACTIVE"));

        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("workerId", w.workerId(), "scheme", "PENSION", "toRegion", "310000", "mode", "TEMPORARY"))
                .put("/internal/transfers/" + UUID.randomUUID() + "/enrollment-move")
                .then().statusCode(200).body("opened.status", equalTo("TEMPORARY"));
        given().auth().oauth2(w.token()).get("/api/workers/me/enrollments")
                .then().body("find { it.status == 'TEMPORARY' }.region", equalTo("310000"));
    }
}
