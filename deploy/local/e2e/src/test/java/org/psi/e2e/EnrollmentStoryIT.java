package org.psi.e2e;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The enrollment part of the demo, step by step, as a newcomer would do it from curl: the admin
 * registers two platforms, a worker (zhang.min, a courier) registers, enrols in the three schemes
 * in Guangdong and Shenzhen, links both platforms, and the officers of those regions see her.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnrollmentStoryIT {

    private static final String WORKER = "zhang.min";
    private static String workerId;
    private static String pensionId;

    /** The citizen ID the realm verified for the worker (real-name binding). */
    private static String nationalId() {
        return Tokens.verifiedId(WORKER);
    }

    @BeforeAll
    static void stack() {
        Stack.assumeRuns("enrollment-service");
    }

    @Test
    @Order(1)
    void adminRegistersPlatformsAndEachPlatformSeesItself() {
        Demo.platforms();
        Stack.enrollment(Tokens.platform("platform-fastmeal")).get("/api/platforms/me").then().statusCode(200)
                .body("code", equalTo(Demo.FASTMEAL)).body("clientId", equalTo("platform-fastmeal"))
                .body("sectors", hasItem("FOOD_DELIVERY"));
        Stack.enrollment(Tokens.platform("platform-quickride")).get("/api/platforms/me").then().statusCode(200)
                .body("code", equalTo(Demo.QUICKRIDE));
    }

    @Test
    @Order(2)
    void workerRegistersWithTheirCitizenId() {
        String token = Tokens.worker(WORKER);
        Stack.enrollment(token).get("/api/workers/me").then().statusCode(404)
                .contentType("application/problem+json");
        // real-name binding: an ordinary token carries no verified identity, and another ID than the verified one is refused
        Stack.enrollment(token)
                .body(Map.of("nationalId", nationalId(), "name", "Zhang Min", "phone", "13912345678", "residenceRegion", "440306"))
                .post("/api/workers").then().statusCode(403).body("type", endsWith("identity-not-verified"));
        Stack.enrollment(Tokens.registration(WORKER))
                .body(Map.of("nationalId", Tokens.verifiedId("wang.fang"), "name", "Zhang Min", "phone", "13912345678",
                        "residenceRegion", "440306"))
                .post("/api/workers").then().statusCode(403).body("type", endsWith("identity-mismatch"));
        // the registration token is for the enrollment-service only
        Stack.contribution(Tokens.registration(WORKER)).queryParam("scheme", "PENSION").get("/api/workers/me/statement")
                .then().statusCode(401);
        workerId = Stack.enrollment(Tokens.registration(WORKER))
                .body(Map.of("nationalId", nationalId(), "name", "Zhang Min", "phone", "13912345678", "residenceRegion", "440306"))
                .post("/api/workers").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/workers/[0-9a-f-]{36}"))
                .body("nationalIdMasked", endsWith(nationalId().substring(14)))
                .body("nationalId", nullValue())
                .body("birthDate", equalTo("1996-07-09"))
                .body("sex", equalTo("FEMALE"))
                .body("hukouRegion", equalTo("440306"))
                .extract().path("workerId");
        Stack.enrollment(token).get("/api/workers/me").then().statusCode(200)
                .body("workerId", equalTo(workerId)).body("name", equalTo("Zhang Min"));
        // the same login registers only once
        Stack.enrollment(Tokens.registration(WORKER))
                .body(Map.of("nationalId", nationalId(), "name", "Zhang Min", "phone", "13912345678", "residenceRegion", "440306"))
                .post("/api/workers").then().statusCode(409);
    }

    @Test
    @Order(3)
    void workerEnrolsInTheThreeSchemes() {
        String token = Tokens.worker(WORKER);
        pensionId = Stack.enrollment(token).body(Map.of("scheme", "PENSION", "region", "440000", "baseGrade", 100))
                .post("/api/workers/me/enrollments").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("region", equalTo("440000")).body("baseGrade", equalTo(100))
                .extract().path("id");
        Stack.enrollment(token).body(Map.of("scheme", "MEDICAL", "region", "440300", "baseGrade", 60))
                .post("/api/workers/me/enrollments").then().statusCode(201).body("status", equalTo("ACTIVE"));
        Stack.enrollment(token).body(Map.of("scheme", "OCCUPATIONAL_INJURY", "region", "440000"))
                .post("/api/workers/me/enrollments").then().statusCode(201);

        // one pension nationwide: another region is a transfer, not a second enrollment
        Stack.enrollment(token).body(Map.of("scheme", "PENSION", "region", "310000", "baseGrade", 100))
                .post("/api/workers/me/enrollments").then().statusCode(409).contentType("application/problem+json");
        // medical insurance pools in cities, not provinces
        Stack.enrollment(token).body(Map.of("scheme", "MEDICAL", "region", "440000", "baseGrade", 100))
                .post("/api/workers/me/enrollments").then().statusCode(400);

        Stack.enrollment(token).get("/api/workers/me/enrollments").then().statusCode(200)
                .body("$", hasSize(3)).body("scheme", org.hamcrest.Matchers.containsInAnyOrder("PENSION", "MEDICAL", "OCCUPATIONAL_INJURY"));
    }

    @Test
    @Order(4)
    void workerLinksTwoPlatforms() {
        String token = Tokens.worker(WORKER);
        Stack.enrollment(token).body(Map.of("platformCode", Demo.FASTMEAL)).post("/api/workers/me/platform-links")
                .then().statusCode(201).body("platformCode", equalTo(Demo.FASTMEAL)).body("active", is(true));
        Stack.enrollment(token).body(Map.of("platformCode", Demo.QUICKRIDE)).post("/api/workers/me/platform-links")
                .then().statusCode(201);
        // linking again is harmless
        Stack.enrollment(token).body(Map.of("platformCode", Demo.FASTMEAL)).post("/api/workers/me/platform-links")
                .then().statusCode(200);
        // a platform PSI does not know
        Stack.enrollment(token).body(Map.of("platformCode", "NOSUCHPLATFORM")).post("/api/workers/me/platform-links")
                .then().statusCode(400);
        Stack.enrollment(token).get("/api/workers/me/platform-links").then().statusCode(200)
                .body("findAll { it.active }.platformCode", org.hamcrest.Matchers.containsInAnyOrder(Demo.FASTMEAL, Demo.QUICKRIDE));
    }

    @Test
    @Order(5)
    void officersOfTheRegionsSeeTheWorker() {
        // the Guangdong officer: the province's pension, and the cities of the province
        Stack.enrollment(Tokens.staff("officer.guangdong")).queryParam("scheme", "PENSION").queryParam("limit", 500)
                .get("/api/regions/440000/enrollments").then().statusCode(200)
                .body("items.enrollmentId", hasItem(pensionId))
                .body("items.find { it.enrollmentId == '%s' }.workerId".formatted(pensionId), equalTo(workerId));
        Stack.enrollment(Tokens.staff("officer.guangdong")).queryParam("limit", 500)
                .get("/api/regions/440300/enrollments").then().statusCode(200)
                .body("items.workerId", hasItem(workerId));
        // the Shenzhen officer: the city's medical insurance
        Stack.enrollment(Tokens.staff("officer.shenzhen")).queryParam("scheme", "MEDICAL").queryParam("limit", 500)
                .get("/api/regions/440300/enrollments").then().statusCode(200)
                .body("items.workerId", hasItem(workerId));
        // the profile, masked; the full ID only with a reason (audited)
        Stack.enrollment(Tokens.staff("officer.shenzhen")).get("/api/workers/" + workerId).then().statusCode(200)
                .body("nationalIdMasked", matchesPattern("\\*+.{4}")).body("nationalId", nullValue());
        Stack.enrollment(Tokens.staff("officer.guangdong")).queryParam("reveal", true).queryParam("reason", "case 2026-0042")
                .get("/api/workers/" + workerId).then().statusCode(200).body("nationalId", equalTo(nationalId()));
        Stack.enrollment(Tokens.staff("officer.guangdong")).queryParam("reveal", true)
                .get("/api/workers/" + workerId).then().statusCode(400);
        // the admin sees the profile too
        Stack.enrollment(Tokens.staff("psi.admin")).get("/api/workers/" + workerId).then().statusCode(200)
                .body("workerId", equalTo(workerId));
    }

    @Test
    @Order(6)
    void workerRevokesAPlatform() {
        String token = Tokens.worker(WORKER);
        Stack.enrollment(token).delete("/api/workers/me/platform-links/" + Demo.QUICKRIDE).then().statusCode(200)
                .body("active", is(false)).body("revokedAt", notNullValue());
        Stack.enrollment(token).get("/api/workers/me/platform-links").then().statusCode(200)
                .body("findAll { it.active }.platformCode", equalTo(List.of(Demo.FASTMEAL)));
        Stack.enrollment(token).delete("/api/workers/me/platform-links/" + Demo.QUICKRIDE).then().statusCode(404);
    }

    @Test
    @Order(7)
    void everyoneLoggedInReadsThePoolingRegions() {
        for (String token : List.of(Tokens.worker(WORKER), Tokens.platform("platform-fastmeal"), Tokens.staff("auditor"))) {
            Stack.enrollment(token).get("/api/regions").then().statusCode(200)
                    .body("find { it.code == '440300' }.schemes", equalTo(List.of("MEDICAL")));
        }
    }
}
