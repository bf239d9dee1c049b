package org.psi.enrollment.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

@QuarkusTest
class RegionResourceTest {

    @Test
    void everyAuthenticatedCallerSeesThePoolingRegions() {
        given().auth().oauth2(Tokens.newWorker()).get("/api/regions")
                .then().statusCode(200)
                .body("find { it.code == '440000' }.schemes", hasItem("PENSION"))
                .body("find { it.code == '440300' }.schemes", hasItem("MEDICAL"))
                .body("find { it.code == '440300' }.level", equalTo("CITY"));
        given().get("/api/regions").then().statusCode(401);
    }

    @Test
    void aProvinceOfficerSeesItsCitiesAndACityOfficerOnlyItsOwn() {
        // Hainan (460000 / Haikou 460100) keeps this test's data apart from the other tests'
        Fixtures.Registered a = Fixtures.worker();
        Fixtures.Registered b = Fixtures.worker();
        Fixtures.enrol(a.token(), "PENSION", "460000", 100, null).statusCode(201);
        Fixtures.enrol(a.token(), "MEDICAL", "460100", 100, null).statusCode(201);
        Fixtures.enrol(b.token(), "MEDICAL", "460100", 80, null).statusCode(201);

        List<String> province = allIds(Tokens.officer("460000"), "460000", null);
        List<String> city = allIds(Tokens.officer("460100"), "460100", null);
        assertTrue(province.containsAll(city), "the province sees its city's enrollments");
        assertTrue(province.size() >= city.size() + 1);
        given().auth().oauth2(Tokens.officer("460100")).queryParam("scheme", "MEDICAL")
                .get("/api/regions/460100/enrollments")
                .then().statusCode(200)
                .body("items.region", everyItem(equalTo("460100")))
                .body("items.nationalIdMasked", everyItem(startsWith("**************")))
                .body("items.workerId", hasItem(b.workerId()));
        given().auth().oauth2(Tokens.officer("460000")).queryParam("scheme", "PENSION")
                .get("/api/regions/460000/enrollments")
                .then().statusCode(200).body("items.scheme", everyItem(equalTo("PENSION")))
                .body("items.workerId", hasItem(a.workerId())).body("items.workerId", not(hasItem(b.workerId())));
    }

    @Test
    void pagesWithACursor() {
        for (int i = 0; i < 3; i++) {
            Fixtures.enrol(Fixtures.worker().token(), "MEDICAL", "460100", 100, null).statusCode(201);
        }
        String officer = Tokens.officer("460100");
        String cursor = given().auth().oauth2(officer).queryParam("limit", 2).get("/api/regions/460100/enrollments")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        List<String> first = given().auth().oauth2(officer).queryParam("limit", 2).get("/api/regions/460100/enrollments")
                .then().extract().path("items.enrollmentId");
        List<String> second = given().auth().oauth2(officer).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/regions/460100/enrollments").then().statusCode(200).extract().path("items.enrollmentId");
        assertTrue(second.stream().noneMatch(first::contains));
        assertEquals(allIds(officer, "460100", null).size(), countAll(officer));
    }

    @Test
    void otherRegionsAndRolesAreRefusedAndBadParametersAreProblems() {
        given().auth().oauth2(Tokens.officer("110000")).get("/api/regions/460000/enrollments")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer("460100")).get("/api/regions/460000/enrollments").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("460100")).get("/api/regions/460200/enrollments").then().statusCode(403);
        given().auth().oauth2(Tokens.newWorker()).get("/api/regions/460000/enrollments").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get("/api/regions/460000/enrollments").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("460000")).queryParam("limit", 501).get("/api/regions/460000/enrollments")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(Tokens.officer("460000")).queryParam("limit", 0).get("/api/regions/460000/enrollments")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.officer("460000")).queryParam("cursor", "bm90LWEtdXVpZA").get("/api/regions/460000/enrollments")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(Tokens.officer("460000")).queryParam("status", "ASLEEP").get("/api/regions/460000/enrollments")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(Tokens.officer("460000")).queryParam("scheme", "DENTAL").get("/api/regions/460000/enrollments")
                .then().statusCode(400).body("errors[0].field", equalTo("scheme"));
        given().auth().oauth2(Tokens.officer("460000")).get("/api/regions/46/enrollments")
                .then().statusCode(400).contentType("application/problem+json");
        // an officer token without a region claim acts on no region
        given().auth().oauth2(Tokens.sign(Tokens.builder("officer-without-region", java.util.Set.of("officer"))))
                .get("/api/regions/460000/enrollments").then().statusCode(403);
    }

    private static List<String> allIds(String token, String region, String scheme) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            if (scheme != null) {
                request.queryParam("scheme", scheme);
            }
            var page = request.get("/api/regions/" + region + "/enrollments").then().statusCode(200).extract();
            ids.addAll(page.path("items.enrollmentId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static int countAll(String officer) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(officer).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/regions/460100/enrollments").then().statusCode(200).extract();
            ids.addAll(page.path("items.enrollmentId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(ids.size(), ids.stream().distinct().count(), "no enrollment on two pages");
        return ids.size();
    }
}
