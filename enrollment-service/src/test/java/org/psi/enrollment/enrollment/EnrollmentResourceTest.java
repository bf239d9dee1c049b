package org.psi.enrollment.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

@QuarkusTest
class EnrollmentResourceTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static YearMonth thisMonth() {
        return YearMonth.now(CHINA);
    }

    private static void assertEnrollments(String token, int count) {
        given().auth().oauth2(token).get("/api/workers/me/enrollments").then().statusCode(200).body("$", hasSize(count));
    }

    @Test
    void enrolsInEachSchemeInItsPoolingRegion() {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "PENSION", "440000", 100, null).statusCode(201)
                .header("Location", containsString("/api/workers/me/enrollments/"))
                .body("scheme", equalTo("PENSION")).body("region", equalTo("440000"))
                .body("status", equalTo("ACTIVE")).body("baseGrade", equalTo(100))
                .body("startMonth", equalTo(thisMonth().toString()))
                .body("coveredPeriods[0].from", equalTo(thisMonth().toString()));
        Fixtures.enrol(w.token(), "MEDICAL", "440300", 60, null).statusCode(201).body("region", equalTo("440300"));
        Fixtures.enrol(w.token(), "OCCUPATIONAL_INJURY", "440000", null, null).statusCode(201).body("baseGrade", nullValue());
        assertEnrollments(w.token(), 3);
    }

    @Test
    void oneCurrentEnrollmentPerSchemeNationwidePointingToTheTransferRoute() {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "PENSION", "440000", 100, null).statusCode(201);
        Fixtures.enrol(w.token(), "PENSION", "310000", 100, null).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://psi.example/problems/already-enrolled"))
                .body("detail", containsString("/api/transfers"));
        assertEnrollments(w.token(), 1);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "PENSION,440300,100,null,region,NOT_A_POOLING_REGION",
            "MEDICAL,440000,100,null,region,NOT_A_POOLING_REGION",
            "OCCUPATIONAL_INJURY,440300,null,null,region,NOT_A_POOLING_REGION",
            "PENSION,990000,100,null,region,UNKNOWN_REGION",
            "PENSION,44000,100,null,region,INVALID_REGION_CODE",
            "PENSION,440000,59,null,baseGrade,OUT_OF_RANGE",
            "MEDICAL,440300,301,null,baseGrade,OUT_OF_RANGE",
            "PENSION,440000,null,null,baseGrade,REQUIRED",
            "OCCUPATIONAL_INJURY,440000,100,null,baseGrade,NOT_APPLICABLE",
            "DENTAL,440000,100,null,scheme,UNKNOWN_SCHEME",
            "PENSION,440000,100,2026-13,startMonth,INVALID_MONTH",
            "PENSION,440000,100,1999-01,startMonth,OUT_OF_RANGE",
            "PENSION,440000,100,2099-01,startMonth,OUT_OF_RANGE",
    })
    void rejectsBadEnrollments(String scheme, String region, Integer grade, String start, String field, String code) {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), scheme, region, grade, start).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code));
        assertEnrollments(w.token(), 0);
    }

    @Test
    void enforcesTheAgeLimits() {
        LocalDate today = LocalDate.now(CHINA);
        Fixtures.Registered young = Fixtures.worker(Fixtures.nationalId("440305", today.minusYears(15), true), "440305");
        Fixtures.enrol(young.token(), "PENSION", "440000", 100, null).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://psi.example/problems/age-limit"));
        Fixtures.Registered retired = Fixtures.worker(Fixtures.nationalId("440305", today.minusYears(64), true), "440305");
        Fixtures.enrol(retired.token(), "MEDICAL", "440300", 100, null).statusCode(422);
        Fixtures.Registered woman = Fixtures.worker(Fixtures.nationalId("440305", today.minusYears(56), false), "440305");
        Fixtures.enrol(woman.token(), "MEDICAL", "440300", 100, null).statusCode(422);
        // after the 2025 reform a man born after 1964 retires later than 60 (born November 1966: at 60 years and 6 months)
        Fixtures.Registered sixty = Fixtures.worker(Fixtures.nationalId("440305", today.minusYears(60).minusMonths(1), true), "440305");
        Fixtures.enrol(sixty.token(), "PENSION", "440000", 100, null).statusCode(201);
        Fixtures.Registered sixtyThree = Fixtures.worker(Fixtures.nationalId("440305", today.minusYears(63), true), "440305");
        Fixtures.enrol(sixtyThree.token(), "MEDICAL", "440300", 100, null).statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("retirement age"));
        // PENSION after the retirement age: paid on until the minimum period is reached (延长缴费), the months counted by the contribution-service
        Fixtures.enrol(sixtyThree.token(), "PENSION", "440000", 100, null).statusCode(201);
        Fixtures.Registered adult = Fixtures.worker(Fixtures.nationalId("440305", today.minusYears(16).minusMonths(1), false), "440305");
        Fixtures.enrol(adult.token(), "MEDICAL", "440300", 100, null).statusCode(201);
        assertEnrollments(young.token(), 0);
        assertEnrollments(retired.token(), 0);
    }

    @Test
    void anUnregisteredWorkerCannotEnrol() {
        Fixtures.enrol(Tokens.newWorker(), "PENSION", "440000", 100, null).statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://psi.example/problems/not-registered"));
    }

    @Test
    void aGradeChangeTakesEffectNextMonthAndTheHistoryIsKept() {
        Fixtures.Registered w = Fixtures.worker();
        String id = Fixtures.enrol(w.token(), "PENSION", "440000", 100, null).statusCode(201).extract().path("id");
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("baseGrade", 150))
                .patch("/api/workers/me/enrollments/" + id)
                .then().statusCode(200)
                .body("baseGrade", equalTo(100))
                .body("nextBaseGrade", equalTo(150))
                .body("gradeHistory", hasSize(2))
                .body("gradeHistory[1].fromMonth", equalTo(thisMonth().plusMonths(1).toString()))
                .body("gradeHistory[1].baseGrade", equalTo(150));
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("baseGrade", 301))
                .patch("/api/workers/me/enrollments/" + id)
                .then().statusCode(400).body("errors[0].code", equalTo("OUT_OF_RANGE"));
        given().auth().oauth2(w.token()).get("/api/workers/me/enrollments")
                .then().statusCode(200).body("[0].gradeHistory", hasSize(2)).body("[0].nextBaseGrade", equalTo(150));
    }

    @Test
    void suspendAndReactivateFromNextMonth() {
        Fixtures.Registered w = Fixtures.worker();
        String id = Fixtures.enrol(w.token(), "MEDICAL", "440300", 100, null).statusCode(201).extract().path("id");
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .patch("/api/workers/me/enrollments/" + id)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("statusHistory[0].fromMonth", equalTo(thisMonth().plusMonths(1).toString()))
                .body("coveredPeriods[0].to", equalTo(thisMonth().toString()));
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("status", "ACTIVE"))
                .patch("/api/workers/me/enrollments/" + id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("statusHistory", hasSize(2))
                .body("coveredPeriods", hasSize(1))
                .body("coveredPeriods[0].to", nullValue());
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of("status", "CLOSED"))
                .patch("/api/workers/me/enrollments/" + id)
                .then().statusCode(400).body("errors[0].code", equalTo("INVALID_STATUS"));
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(Map.of())
                .patch("/api/workers/me/enrollments/" + id)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anotherWorkersEnrollmentIsNotFoundAndUnchanged() {
        Fixtures.Registered owner = Fixtures.worker();
        Fixtures.Registered other = Fixtures.worker();
        String id = Fixtures.enrol(owner.token(), "PENSION", "440000", 100, null).statusCode(201).extract().path("id");
        given().auth().oauth2(other.token()).contentType(ContentType.JSON).body(Map.of("baseGrade", 300))
                .patch("/api/workers/me/enrollments/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other.token()).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .patch("/api/workers/me/enrollments/" + id)
                .then().statusCode(404);
        given().auth().oauth2(owner.token()).get("/api/workers/me/enrollments")
                .then().body("[0].gradeHistory", hasSize(1)).body("[0].status", equalTo("ACTIVE"));
        given().auth().oauth2(other.token()).get("/api/workers/me/enrollments").then().body("$", hasSize(0));
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("baseGrade", 120))
                .patch("/api/workers/me/enrollments/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyWorkersEnrol() {
        given().auth().oauth2(Tokens.officer("440000")).contentType(ContentType.JSON)
                .body(Map.of("scheme", "PENSION", "region", "440000", "baseGrade", 100))
                .post("/api/workers/me/enrollments").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("scheme", "PENSION"))
                .post("/api/workers/me/enrollments").then().statusCode(401);
    }
}
