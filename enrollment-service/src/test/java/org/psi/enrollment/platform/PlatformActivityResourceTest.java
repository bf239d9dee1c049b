package org.psi.enrollment.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;
import org.psi.enrollment.support.ShiftableClock;

@QuarkusTest
class PlatformActivityResourceTest {

    private static final YearMonth THIS_MONTH = YearMonth.now(ShiftableClock.ZONE);

    @Test
    void platformsReportActiveWorkersOncePerMonthAndRegion() {
        String a = Fixtures.platform();
        String b = Fixtures.platform();
        String tokenA = Tokens.platform("client-" + a);
        String tokenB = Tokens.platform("client-" + b);
        String m = THIS_MONTH.minusMonths(3).toString();
        String path = "/api/platforms/me/activity/" + m + "/530000";

        given().auth().oauth2(tokenA).contentType(ContentType.JSON).body(Map.of("activeWorkers", 120)).put(path)
                .then().statusCode(201).body("platformCode", equalTo(a)).body("month", equalTo(m))
                .body("region", equalTo("530000")).body("activeWorkers", equalTo(120));
        String updatedAt = given().auth().oauth2(tokenA).contentType(ContentType.JSON).body(Map.of("activeWorkers", 120))
                .put(path).then().statusCode(200).body("activeWorkers", equalTo(120)).extract().path("updatedAt");
        given().auth().oauth2(tokenA).contentType(ContentType.JSON).body(Map.of("activeWorkers", 120)).put(path)
                .then().statusCode(200).body("updatedAt", equalTo(updatedAt));
        given().auth().oauth2(tokenA).contentType(ContentType.JSON).body(Map.of("activeWorkers", 130)).put(path)
                .then().statusCode(200).body("activeWorkers", equalTo(130));
        // another platform's report for the same month and region is its own
        given().auth().oauth2(tokenB).contentType(ContentType.JSON).body(Map.of("activeWorkers", 7)).put(path)
                .then().statusCode(201).body("platformCode", equalTo(b)).body("activeWorkers", equalTo(7));
        given().auth().oauth2(tokenA).get("/api/platforms/me/activity").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].activeWorkers", equalTo(130))
                .body("items[0].platformCode", equalTo(a));

        // bad reports change nothing
        Object[][] bad = {
                {path, Map.of("activeWorkers", -1), "activeWorkers", "OUT_OF_RANGE"},
                {path, Map.of(), "activeWorkers", "REQUIRED"},
                {path, Map.of("activeWorkers", 5, "other", 1), "other", "UNKNOWN_FIELD"},
                {"/api/platforms/me/activity/" + THIS_MONTH.plusMonths(1) + "/530000", Map.of("activeWorkers", 5), "month", "FUTURE_PERIOD"},
                {"/api/platforms/me/activity/2025-13/530000", Map.of("activeWorkers", 5), "month", "INVALID_MONTH"},
                {"/api/platforms/me/activity/" + m + "/530102", Map.of("activeWorkers", 5), "region", "NOT_A_STATISTICS_REGION"},
                {"/api/platforms/me/activity/" + m + "/440400", Map.of("activeWorkers", 5), "region", "NOT_A_STATISTICS_REGION"},
                {"/api/platforms/me/activity/" + m + "/99", Map.of("activeWorkers", 5), "region", "INVALID_REGION_CODE"},
        };
        for (Object[] c : bad) {
            given().auth().oauth2(tokenA).contentType(ContentType.JSON).body(c[1]).put((String) c[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[2])).body("errors[0].code", equalTo(c[3]));
        }
        given().auth().oauth2(tokenA).get("/api/platforms/me/activity").then()
                .body("items", hasSize(1)).body("items[0].activeWorkers", equalTo(130));
        // only registered platforms
        given().auth().oauth2(Tokens.newWorker()).contentType(ContentType.JSON).body(Map.of("activeWorkers", 1))
                .put(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.platform("client-nobody")).contentType(ContentType.JSON)
                .body(Map.of("activeWorkers", 1)).put(path).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("activeWorkers", 1)).put(path).then().statusCode(401);
    }
}
