package org.psi.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind of tenant tries to read or change what belongs to another one, and gets 404 (the
 * object exists, but is not theirs: its existence is not confirmed) or 403 (a region that is not
 * theirs). Platforms' own objects (batches) live in the contribution-service: see ContributionStoryIT.
 */
class CrossTenantIT {

    private static Demo.Worker rider;
    private static Demo.Worker driver;

    @BeforeAll
    static void world() {
        Stack.assumeRuns("enrollment-service");
        rider = Demo.rider();   // Guangdong / Shenzhen
        driver = Demo.driver(); // Shanghai
    }

    @Test
    void workerCannotTouchAnotherWorkersEnrollment() {
        String riderPension = Stack.enrollment(rider.token()).get("/api/workers/me/enrollments").then().statusCode(200)
                .extract().path("find { it.scheme == 'PENSION' }.id");
        Stack.enrollment(driver.token()).body(Map.of("baseGrade", 300))
                .patch("/api/workers/me/enrollments/" + riderPension).then().statusCode(404)
                .contentType("application/problem+json");
        Stack.enrollment(driver.token()).body(Map.of("status", "SUSPENDED"))
                .patch("/api/workers/me/enrollments/" + riderPension).then().statusCode(404);
        // the rider's enrollment is unchanged
        Stack.enrollment(rider.token()).get("/api/workers/me/enrollments").then().statusCode(200)
                .body("find { it.id == '%s' }.status".formatted(riderPension), equalTo("ACTIVE"))
                .body("find { it.id == '%s' }.nextBaseGrade".formatted(riderPension), org.hamcrest.Matchers.nullValue());
    }

    @Test
    void workerCannotReadOrRevokeAnotherWorkersConsent() {
        // the driver never linked FastMeal; the rider did: the driver's revocation finds nothing
        Stack.enrollment(driver.token()).delete("/api/workers/me/platform-links/" + Demo.FASTMEAL).then().statusCode(404);
        Stack.enrollment(rider.token()).get("/api/workers/me/platform-links").then().statusCode(200)
                .body("findAll { it.active }.platformCode", hasItem(Demo.FASTMEAL));
        // and reads only their own profile and consents
        Stack.enrollment(driver.token()).get("/api/workers/me").then().statusCode(200)
                .body("workerId", equalTo(driver.workerId()));
        Stack.enrollment(driver.token()).get("/api/workers/me/platform-links").then().statusCode(200)
                .body("platformCode", everyItem(equalTo(Demo.QUICKRIDE)));
        Stack.enrollment(driver.token()).get("/api/workers/" + rider.workerId()).then().statusCode(403);
    }

    @Test
    void officerSeesOnlyWorkersOfTheirRegion() {
        // Shanghai and Beijing officers: the Guangdong rider is not theirs
        Stack.enrollment(Tokens.staff("officer.shanghai")).get("/api/workers/" + rider.workerId()).then().statusCode(404)
                .contentType("application/problem+json");
        Stack.enrollment(Tokens.staff("officer.beijing")).get("/api/workers/" + rider.workerId()).then().statusCode(404);
        Stack.enrollment(Tokens.staff("officer.beijing")).queryParam("reveal", true).queryParam("reason", "curiosity")
                .get("/api/workers/" + rider.workerId()).then().statusCode(404);
        // the Shenzhen officer: not the Shanghai driver
        Stack.enrollment(Tokens.staff("officer.shenzhen")).get("/api/workers/" + driver.workerId()).then().statusCode(404);
        // but each sees their own
        Stack.enrollment(Tokens.staff("officer.shanghai")).get("/api/workers/" + driver.workerId()).then().statusCode(200);
        Stack.enrollment(Tokens.staff("officer.guangdong")).get("/api/workers/" + rider.workerId()).then().statusCode(200);
    }

    @Test
    void officerListsOnlyTheirRegion() {
        // another province
        Stack.enrollment(Tokens.staff("officer.beijing")).get("/api/regions/440000/enrollments").then().statusCode(403)
                .contentType("application/problem+json");
        // a city officer does not see the province above it, nor a sibling city
        Stack.enrollment(Tokens.staff("officer.shenzhen")).get("/api/regions/440000/enrollments").then().statusCode(403);
        Stack.enrollment(Tokens.staff("officer.shenzhen")).get("/api/regions/440100/enrollments").then().statusCode(403);
        // the Shanghai city officer does not see the Shanghai province pension
        Stack.enrollment(Tokens.staff("officer.shanghai")).get("/api/regions/310000/enrollments").then().statusCode(403);
        // Beijing's province officer covers Beijing city, where nobody is enrolled here
        Stack.enrollment(Tokens.staff("officer.beijing")).get("/api/regions/110100/enrollments").then().statusCode(200)
                .body("items.workerId", not(hasItem(rider.workerId())));
        // the Shanghai officer's list has the driver and never the rider
        Stack.enrollment(Tokens.staff("officer.shanghai")).queryParam("limit", 500).get("/api/regions/310100/enrollments")
                .then().statusCode(200)
                .body("items.workerId", hasItem(driver.workerId()))
                .body("items.workerId", not(hasItem(rider.workerId())));
    }

    @Test
    void platformSeesOnlyItself() {
        Stack.enrollment(Tokens.platform("platform-quickride")).get("/api/platforms/me").then().statusCode(200)
                .body("code", equalTo(Demo.QUICKRIDE));
        Stack.enrollment(Tokens.platform("platform-fastmeal")).get("/api/platforms/me").then().statusCode(200)
                .body("code", equalTo(Demo.FASTMEAL));
    }
}
