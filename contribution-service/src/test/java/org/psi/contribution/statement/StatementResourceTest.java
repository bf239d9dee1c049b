package org.psi.contribution.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.injuryLine;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.reversal;
import static org.psi.contribution.support.Fixtures.send;
import static org.psi.contribution.support.Fixtures.thisMonth;
import static org.psi.contribution.support.Fixtures.today;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.Scheme;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;
import org.psi.contribution.support.Fixtures.Worker;
import org.psi.contribution.support.LedgerChecks;

/** One statement for a rider on several platforms: each month's due, each payer, status, totals. */
@QuarkusTest
class StatementResourceTest extends LedgerChecks {

    private static final String GD = "440000";
    private static final long DUE = Fixtures.WAGE_FEN * 20 / 100;

    @BeforeEach
    void policies() {
        Fixtures.testPolicy(GD);
    }

    @Test
    void aRiderOnThreePlatformsSeesOneStatement() throws SQLException {
        Platform a = Fixtures.platform("FOOD_DELIVERY");
        Platform b = Fixtures.platform("RIDE_HAILING");
        Platform c = Fixtures.platform("INSTANT_DELIVERY");
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", GD, thisMonth().minusMonths(1));
        Fixtures.link(w, a);
        Fixtures.link(w, b);
        Fixtures.link(w, c);
        send(a, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 80_000))).then().statusCode(201);
        send(b, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 70_000))).then().statusCode(201);
        send(c, key(), feed(monthLine(ref(), w.nationalId(), "PENSION", thisMonth(), 10_000))).then().statusCode(201);

        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(200)
                .body("workerId", equalTo(w.workerId()))
                .body("from", equalTo(thisMonth().minusMonths(1).toString()))
                .body("months", hasSize(2))
                .body("months[0].status", equalTo("UNPAID")).body("months[0].paidFen", equalTo(0))
                .body("months[1].month", equalTo(thisMonth().toString()))
                .body("months[1].region", equalTo(GD))
                .body("months[1].baseFen", equalTo((int) Fixtures.WAGE_FEN))
                .body("months[1].dueFen", equalTo((int) DUE))
                .body("months[1].paidFen", equalTo(160_000))
                .body("months[1].status", equalTo("PARTIAL"))
                .body("months[1].payers", hasSize(3))
                .body("totals.countedMonths", equalTo(0));

        Fixtures.pay(w, key(), Fixtures.payment("PENSION", thisMonth().toString(), DUE - 160_000, "P-" + ref()))
                .then().statusCode(201).body("monthStatus", equalTo("PAID"));

        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("from", thisMonth().toString())
                .get("/api/workers/me/statement")
                .then().statusCode(200)
                .body("months", hasSize(1))
                .body("months[0].status", equalTo("PAID"))
                .body("months[0].payers.amountFen", containsInAnyOrder(80_000, 70_000, 10_000, 40_000))
                .body("months[0].payers.payer", hasItem("SELF"))
                .body("totals.countedMonths", equalTo(1))
                .body("totals.countedMonthsByRegion[0].region", equalTo(GD))
                .body("totals.countedMonthsByRegion[0].months", equalTo(1))
                .body("totals.individualAccountFen", equalTo((int) (DUE * 8 / 20)))
                .body("totals.paidFen", equalTo((int) DUE));
        assertEquals(DUE * 8 / 20, individual(w.workerId(), Scheme.PENSION, GD));
        assertEquals(80_000 + 70_000 + 10_000, paidBy(a) + paidBy(b) + paidBy(c));
    }

    @Test
    void occupationalInjuryShowsCoveredDaysPerPlatform() throws SQLException {
        Platform a = Fixtures.platform("FOOD_DELIVERY");
        Platform b = Fixtures.platform("RIDE_HAILING");
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "OCCUPATIONAL_INJURY", GD, null);
        Fixtures.link(w, a);
        Fixtures.link(w, b);
        String bRef = ref();
        send(a, key(), feed(injuryLine(ref(), w.nationalId(), today(), 10, "FOOD_DELIVERY"),
                injuryLine(ref(), w.nationalId(), today(), 4, "FOOD_DELIVERY"))).then().statusCode(201).body("accepted", equalTo(2));
        send(b, key(), feed(injuryLine(bRef, w.nationalId(), today(), 3, "RIDE_HAILING"))).then().statusCode(201);

        given().auth().oauth2(w.token()).queryParam("scheme", "OCCUPATIONAL_INJURY").get("/api/workers/me/statement")
                .then().statusCode(200)
                .body("months[0].paidFen", equalTo((int) (14 * Fixtures.FOOD_FEE_FEN + 3 * Fixtures.RIDE_FEE_FEN)))
                .body("months[0].coveredDays", equalTo(1))
                .body("months[0].status", equalTo("PAID"))
                .body("totals.coveredDaysByPlatform", hasSize(2));

        // B's only day is reversed: B no longer covered a day
        send(b, key(), feed(reversal(ref(), bRef, w.nationalId(), "OCCUPATIONAL_INJURY", today().toString())))
                .then().statusCode(201).body("accepted", equalTo(1));
        given().auth().oauth2(w.token()).queryParam("scheme", "OCCUPATIONAL_INJURY").get("/api/workers/me/statement")
                .then().statusCode(200)
                .body("totals.coveredDaysByPlatform", hasSize(1))
                .body("totals.coveredDaysByPlatform[0].platform", equalTo(a.code()))
                .body("totals.coveredDaysByPlatform[0].days", equalTo(1))
                .body("months[0].paidFen", equalTo((int) (14 * Fixtures.FOOD_FEE_FEN)));
        assertEquals(14 * Fixtures.FOOD_FEE_FEN, paidBy(a));
        assertEquals(0, paidBy(b));
    }

    @Test
    void aWorkerSeesOnlyTheirOwnStatement() throws SQLException {
        Platform p = Fixtures.platform();
        Worker mine = Fixtures.linkedWorker(p, "PENSION", GD);
        Worker other = Fixtures.linkedWorker(p, "PENSION", GD);
        send(p, key(), feed(monthLine(ref(), mine.nationalId(), "PENSION", thisMonth(), 12_345))).then().statusCode(201);

        // there is no way to name another worker: a workerId parameter is not part of the API and changes nothing
        given().auth().oauth2(other.token()).queryParam("scheme", "PENSION").queryParam("workerId", mine.workerId())
                .get("/api/workers/me/statement")
                .then().statusCode(200)
                .body("workerId", equalTo(other.workerId()))
                .body("months[0].paidFen", equalTo(0));
        given().auth().oauth2(other.token()).queryParam("scheme", "PENSION").get("/api/workers/" + mine.workerId() + "/statement")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.officer(GD)).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(p.token()).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(403);
        given().queryParam("scheme", "PENSION").get("/api/workers/me/statement").then().statusCode(401);
        assertEquals(12_345, paidBy(p));
    }

    @Test
    void badStatementRequests() {
        Worker w = Fixtures.worker();
        Fixtures.enrol(w, "PENSION", GD, null);
        given().auth().oauth2(w.token()).get("/api/workers/me/statement")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("scheme"));
        given().auth().oauth2(w.token()).queryParam("scheme", "SAVINGS").get("/api/workers/me/statement")
                .then().statusCode(400).body("errors[0].code", equalTo("UNKNOWN_SCHEME"));
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("from", "2026-11").queryParam("to", "2026-01")
                .get("/api/workers/me/statement").then().statusCode(400);
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("from", "last year")
                .get("/api/workers/me/statement").then().statusCode(400).body("errors[0].code", equalTo("INVALID_MONTH"));
        given().auth().oauth2(Tokens.newWorker()).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
