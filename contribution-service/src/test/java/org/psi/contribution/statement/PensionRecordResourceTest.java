package org.psi.contribution.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;

/** The internal pension record the transfer-service's estimate reads: what the statement counts, with the wages. */
@QuarkusTest
class PensionRecordResourceTest {

    private static final String REGION = "440000";
    private static final String OTHER = "310000";
    /** The test policy: grade 100 of a 10,000 yuan wage at 20%, 8 points of it to the individual account. */
    private static final long DUE = Fixtures.WAGE_FEN * 20 / 100;
    private static final String INTERNAL = Tokens.internal("psi-transfer-service");

    @BeforeEach
    void policies() {
        Fixtures.testPolicy(REGION);
        Fixtures.testPolicy(OTHER);
    }

    private static ValidatableResponse record(String token, Object workerId, String... claimRegions) {
        var request = given().auth().oauth2(token);
        for (String r : claimRegions) {
            request = request.queryParam("claimRegion", r);
        }
        return request.get("/internal/workers/" + workerId + "/pension-record").then();
    }

    private static JsonPath statement(Worker w) {
        return given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aMonthPaidInFullCountsWithItsBaseAndWageAndTheBalanceIsTheStatements() {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", REGION);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE))).then().statusCode(201);

        JsonPath s = statement(w);
        JsonPath r = record(INTERNAL, w.workerId(), OTHER, REGION, OTHER).statusCode(200)
                .body("workerId", equalTo(w.workerId().toString()))
                .body("currentGrade", equalTo(100))
                .body("countedMonths", hasSize(1))
                .body("countedMonths[0].month", equalTo(thisMonth().toString()))
                .body("countedMonths[0].region", equalTo(REGION))
                .body("countedMonths[0].baseFen", equalTo((int) Fixtures.WAGE_FEN))
                .body("countedMonths[0].averageWageFen", equalTo((int) Fixtures.WAGE_FEN))
                .body("individualAccountFen", equalTo((int) (DUE * 8 / 20)))
                // each region asked once, in the order asked
                .body("claimWages.region", equalTo(java.util.List.of(OTHER, REGION)))
                .body("claimWages[0].year", equalTo(thisMonth().getYear()))
                .body("claimWages[0].averageMonthlyWageFen", equalTo((int) Fixtures.WAGE_FEN))
                .extract().jsonPath();
        assertEquals(s.getInt("totals.individualAccountFen"), r.getInt("individualAccountFen"));
        assertEquals(s.getInt("totals.countedMonths"), r.getList("countedMonths").size());
    }

    @Test
    void aMonthPaidInPartDoesNotCount() {
        Platform p = Fixtures.platform();
        Worker w = Fixtures.linkedWorker(p, "PENSION", REGION);
        send(p, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), DUE / 2))).then().statusCode(201);

        JsonPath s = statement(w);
        JsonPath r = record(INTERNAL, w.workerId()).statusCode(200)
                .body("countedMonths", hasSize(0))
                .body("claimWages", hasSize(0))
                .body("individualAccountFen", equalTo((int) (DUE / 2 * 8 / 20)))
                .extract().jsonPath();
        assertEquals(s.getInt("totals.individualAccountFen"), r.getInt("individualAccountFen"));
        assertEquals(s.getInt("totals.countedMonths"), 0);
    }

    @Test
    void badClaimRegionsUnknownWorkersAndOtherRolesAreRefused() {
        Worker w = Fixtures.worker();
        record(INTERNAL, w.workerId(), "440300").statusCode(400).contentType("application/problem+json");
        record(INTERNAL, w.workerId(), "abc").statusCode(400).contentType("application/problem+json");
        record(INTERNAL, UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        record(w.token(), w.workerId()).statusCode(403);
        record(Tokens.admin(), w.workerId()).statusCode(403);
        given().get("/internal/workers/" + w.workerId() + "/pension-record").then().statusCode(401);
    }
}
