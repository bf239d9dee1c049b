package org.psi.transfer;

import static io.restassured.RestAssured.given;
import static org.psi.common.test.fuzz.Endpoint.once;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psi.common.test.Tokens;
import org.psi.common.test.fuzz.Endpoint;
import org.psi.common.test.fuzz.GeneratedInputs;
import org.psi.common.test.fuzz.Mutations;
import org.psi.transfer.support.Db;
import org.psi.transfer.support.Fixtures;
import org.psi.transfer.support.StandIns;

/**
 * Generated inputs for every public operation (org.psi.common.test.fuzz): about a hundred requests
 * each, made from a valid one with hostile path values, query parameters, bodies, content types,
 * headers and tokens, seeded (the seed is printed; replay with -Dpsi.fuzz.seed=N), with the saga
 * running against the stand-ins. Each is answered with a success or a 4xx problem+json, never a
 * 5xx, and a refused one changes nothing in the database (after a success, the saga's own steps are
 * waited out). The cases go from Shaanxi (610000) to Hebei (130000), regions no other test uses.
 */
@QuarkusTest
class GeneratedInputTest {

    static final String FROM = "610000";
    static final String TO = "130000";
    static final Duration SAGA_QUIET = Duration.ofMillis(300);

    /** Every public operation of the service: a new one fails {@link #everyPublicOperationIsCovered()} until it is here. */
    static final List<String> OPERATIONS = List.of(
            "GET /api/transfers/preview",
            "POST /api/transfers",
            "GET /api/transfers/me",
            "GET /api/transfers/{id}",
            "GET /api/transfers/{id}/events",
            "POST /api/transfers/{id}/cancel",
            "POST /api/transfers/{id}/accept",
            "POST /api/transfers/{id}/reject",
            "POST /api/transfers/{id}/transfer-out",
            "GET /api/regions/{code}/transfers",
            "GET /api/statistics/transfers",
            "POST /api/statistics/refresh",
            "GET /api/pension/estimate");

    @Inject
    DataSource db;

    @TestHTTPResource
    URL url;

    static List<String> operations() {
        return OPERATIONS;
    }

    @Test
    void everyPublicOperationIsCovered() {
        String doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        GeneratedInputs.assertCovers(GeneratedInputs.operations(doc, "/api", "/.well-known"), OPERATIONS);
    }

    /**
     * Found by the generated inputs (seed 20260311: POST /api/transfers #39, POST .../reject #13): a
     * field given again after all the fields of the body's record was a 500 (Jackson's
     * InvalidDefinitionException, answered by Quarkus' own mapper). It is a 400 naming the field, and
     * nothing is opened or changed.
     */
    @Test
    void aFieldGivenTwiceIsA400AndChangesNothing() {
        Fixtures.Worker w = insured();
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"scheme\":\"PENSION\",\"toRegion\":\"\\u7691\\uaf0e\",\"toRegion\":\"130000\"}")
                .post("/api/transfers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("toRegion")).body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        assertEquals(0, Db.casesOf(w.workerId()));

        Case c = submitted();
        given().auth().oauth2(Tokens.officer(TO)).contentType(ContentType.JSON)
                .body("{\"reason\":\"The household registration could not be confirmed\",\"reason\":\" again \"}")
                .post("/api/transfers/" + c.id() + "/reject")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        assertEquals("SUBMITTED", Fixtures.status(c.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void generatedInputsAreAnsweredWithSuccessOrAProblem(String operation) {
        new GeneratedInputs(url.toString(), db).run(endpoint(operation));
    }

    private Endpoint endpoint(String operation) {
        // a case that changed kicks the saga, which goes on writing after the answer
        Endpoint e = Endpoint.of(operation).quietAfterSuccess(operation.startsWith("POST /api/transfers") ? SAGA_QUIET : Duration.ZERO);
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        return switch (operation) {
            case "GET /api/pension/estimate" -> {
                Fixtures.Worker w = insured();
                YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
                // five years counted in Shaanxi, and the average wages of both provinces: a valid request is a 200
                StandIns.contribution().seedPensionMonths(w.workerId(), 100, FROM, now.minusMonths(1), 60, 700_000, 700_000);
                StandIns.contribution().publishWage(FROM, now.getYear(), 700_000);
                StandIns.contribution().publishWage(TO, now.getYear(), 650_000);
                String next = now.plusMonths(1).toString();
                yield e.token(w::token).query("grade", () -> "100").query("wageGrowthPercent", () -> "3")
                        .query("moveTo", () -> TO).query("moveMonth", () -> next);
            }
            case "GET /api/transfers/preview" -> {
                Fixtures.Worker w = insured();
                yield e.token(w::token).query("scheme", () -> "PENSION").query("toRegion", () -> TO);
            }
            case "POST /api/transfers" -> {
                // a few insured workers, taken in turn; each may open one case, later valid requests are 409
                List<Fixtures.Worker> workers = IntStream.range(0, 5).mapToObj(i -> insured()).toList();
                int[] next = {0};
                yield e.token(() -> workers.get(next[0]++ % workers.size()).token())
                        .header("Idempotency-Key", () -> UUID.randomUUID().toString())
                        .json(() -> Mutations.ordered("scheme", "PENSION", "toRegion", TO));
            }
            case "GET /api/transfers/me" -> {
                Case c = submitted();
                yield e.token(c.worker()::token).query("limit", () -> "10").query("cursor", () -> null);
            }
            case "GET /api/transfers/{id}" -> {
                Case c = submitted();
                yield e.token(c.worker()::token).path("id", c::id);
            }
            case "GET /api/transfers/{id}/events" -> {
                Case c = submitted();
                yield e.token(once(() -> Tokens.officer(TO))).path("id", c::id).query("limit", () -> "10").query("cursor", () -> null);
            }
            case "POST /api/transfers/{id}/cancel" -> {
                Case c = submitted();
                yield e.token(c.worker()::token).path("id", c::id);
            }
            case "POST /api/transfers/{id}/accept" -> {
                Case c = submitted();
                yield e.token(once(() -> Tokens.officer(TO))).path("id", c::id);
            }
            case "POST /api/transfers/{id}/reject" -> {
                Case c = submitted();
                yield e.token(once(() -> Tokens.officer(TO))).path("id", c::id)
                        .json(() -> Mutations.ordered("reason", "The household registration could not be confirmed"));
            }
            case "POST /api/transfers/{id}/transfer-out" -> {
                Case c = submitted();
                Fixtures.accept(c.id(), TO).statusCode(200);
                Fixtures.awaitSettled(c.id(), "ACCEPTED");
                yield e.token(once(() -> Tokens.officer(FROM))).path("id", c::id);
            }
            case "GET /api/regions/{code}/transfers" -> {
                submitted();
                yield e.token(once(() -> Tokens.officer(TO))).path("code", () -> TO).query("direction", () -> "IN")
                        .query("status", () -> "SUBMITTED").query("overdue", () -> "false").query("limit", () -> "20")
                        .query("cursor", () -> null);
            }
            case "GET /api/statistics/transfers" -> e.token(once(Tokens::auditor)).accepts("application/json", "text/csv")
                    .query("month", () -> thisMonth).query("from", () -> null).query("to", () -> null)
                    .query("region", () -> FROM).query("groupBy", () -> "region,direction");
            case "POST /api/statistics/refresh" -> e.token(once(Tokens::admin));
            default -> throw new IllegalArgumentException("No generated inputs for " + operation);
        };
    }

    // ------------------------------------------------------------------ fixtures

    record Case(Fixtures.Worker worker, String id) {
    }

    /** A 35-year-old man insured for PENSION in Shaanxi, registered there: his funds move. */
    private static Fixtures.Worker insured() {
        return Fixtures.pension(FROM, 1_234_567, 2_592_000);
    }

    /** A case from Shaanxi to Hebei, SUBMITTED, its funds held and the saga settled. */
    private static Case submitted() {
        Fixtures.Worker w = insured();
        String id = Fixtures.submitted(w, "PENSION", TO);
        Fixtures.awaitHeld(id);
        Fixtures.awaitSettled(id, "SUBMITTED");
        return new Case(w, id);
    }
}
