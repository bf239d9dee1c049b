package org.psi.enrollment.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

@QuarkusTest
class WorkerResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void registersAWorkerAndShowsTheIdMasked() {
        String nationalId = Fixtures.nationalId("110105", LocalDate.of(1992, 3, 7), false);
        String token = Tokens.newWorker();
        String workerId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nationalId", nationalId.toLowerCase(), "name", "Li Na", "phone", "+8613800138000",
                        "residenceRegion", "440305"))
                .post("/api/workers")
                .then().statusCode(201)
                .header("Location", containsString("/api/workers/"))
                .body("nationalIdMasked", equalTo("**************" + nationalId.substring(14)))
                .body("nationalId", nullValue())
                .body("birthDate", equalTo("1992-03-07"))
                .body("sex", equalTo("FEMALE"))
                .body("hukouRegion", equalTo("110105"))
                .extract().path("workerId");

        given().auth().oauth2(token).get("/api/workers/me")
                .then().statusCode(200)
                .body("workerId", equalTo(workerId))
                .body("name", equalTo("Li Na"))
                .body("residenceRegion", equalTo("440305"));
    }

    @Test
    void theStoredCitizenIdIsNotReadableInTheDatabase() throws SQLException {
        String nationalId = Fixtures.nationalId();
        Fixtures.Registered w = Fixtures.worker(nationalId, "440305");
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select * from worker where id = ?")) {
            s.setObject(1, UUID.fromString(w.workerId()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                    Object value = rs.getObject(col);
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
                    assertFalse(text.contains(nationalId), "column " + rs.getMetaData().getColumnName(col) + " holds the ID");
                    assertFalse(text.contains(nationalId.substring(0, 14)), "column " + rs.getMetaData().getColumnName(col) + " holds most of the ID");
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "1101051949123100,INVALID_LENGTH",
            "1101051949123100AX,INVALID_CHARACTERS",
            "110105194902300021,INVALID_BIRTH_DATE",
            "110105209901010021,FUTURE_BIRTH_DATE",
            "110105194912310021,INVALID_CHECK_CHARACTER",
    })
    void rejectsAnInvalidCitizenId(String nationalId, String code) {
        String token = Tokens.newWorker();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nationalId", nationalId, "name", "X", "phone", "13800138000", "residenceRegion", "440305"))
                .post("/api/workers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("nationalId"))
                .body("errors[0].code", equalTo(code));
        given().auth().oauth2(token).get("/api/workers/me").then().statusCode(404);
    }

    @Test
    void rejectsAnUnknownRegionAndMissingFields() {
        String token = Tokens.newWorker();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nationalId", Fixtures.nationalId(), "name", "X", "phone", "13800138000", "residenceRegion", "990000"))
                .post("/api/workers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("residenceRegion"))
                .body("errors[0].code", equalTo("UNKNOWN_REGION"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nationalId", Fixtures.nationalId()))
                .post("/api/workers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("residenceRegion"));
        given().auth().oauth2(token).get("/api/workers/me").then().statusCode(404);
    }

    @Test
    void aSubjectOrACitizenIdRegistersOnce() {
        Fixtures.Registered w = Fixtures.worker();
        given().auth().oauth2(w.token()).contentType(ContentType.JSON)
                .body(Map.of("nationalId", Fixtures.nationalId(), "name", "X", "phone", "13800138000", "residenceRegion", "440305"))
                .post("/api/workers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://psi.example/problems/already-registered"));
        given().auth().oauth2(Tokens.newWorker()).contentType(ContentType.JSON)
                .body(Map.of("nationalId", w.nationalId(), "name", "X", "phone", "13800138000", "residenceRegion", "440305"))
                .post("/api/workers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://psi.example/problems/national-id-registered"));
    }

    @Test
    void malformedAndOversizedBodiesAreProblems() {
        String token = Tokens.newWorker();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"nationalId\": ")
                .post("/api/workers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", notNullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"nationalId\": 12, \"name\": [1]}")
                .post("/api/workers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("INVALID_TYPE"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"" + "x".repeat(5_000_000) + "\"}")
                .post("/api/workers")
                .then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.XML).body("<worker/>")
                .post("/api/workers")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/workers/me").then().statusCode(404);
    }

    @Test
    void tokensAreVerified() {
        String subject = UUID.randomUUID().toString();
        given().get("/api/workers/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.expired(subject)).get("/api/workers/me").then().statusCode(401);
        given().auth().oauth2(Tokens.wrongAudience(subject)).get("/api/workers/me").then().statusCode(401);
        given().auth().oauth2(Tokens.wrongIssuer(subject)).get("/api/workers/me").then().statusCode(401);
        given().auth().oauth2(Tokens.badSignature(subject)).get("/api/workers/me").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/api/workers/me").then().statusCode(401);
        given().auth().oauth2(Tokens.platform("client-x")).get("/api/workers/me")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anOfficerSeesWorkersOfTheirRegionOnlyAndARevealIsAudited() throws SQLException {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "MEDICAL", "440300", 100, null).statusCode(201);

        // an officer of Guangdong (province) and of Shenzhen (city) see the worker; Beijing does not
        given().auth().oauth2(Tokens.officer("440000")).get("/api/workers/" + w.workerId())
                .then().statusCode(200).body("nationalIdMasked", startsWith("**************")).body("nationalId", nullValue());
        given().auth().oauth2(Tokens.officer("440300")).get("/api/workers/" + w.workerId()).then().statusCode(200);
        given().auth().oauth2(Tokens.officer("110000")).get("/api/workers/" + w.workerId())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer("440100")).get("/api/workers/" + w.workerId()).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/api/workers/" + w.workerId()).then().statusCode(200);
        given().auth().oauth2(w.token()).get("/api/workers/" + w.workerId()).then().statusCode(403);
        given().auth().oauth2(Tokens.officer("440000")).get("/api/workers/" + UUID.randomUUID()).then().statusCode(404);

        // a reveal needs a reason, is for officers only, and is audited
        given().auth().oauth2(Tokens.officer("440000")).queryParam("reveal", true).get("/api/workers/" + w.workerId())
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.admin()).queryParam("reveal", true).queryParam("reason", "case 2026-118")
                .get("/api/workers/" + w.workerId()).then().statusCode(403);
        assertEquals(0, audits(w.workerId()));
        given().auth().oauth2(Tokens.officer("440300")).queryParam("reveal", true).queryParam("reason", "case 2026-118")
                .get("/api/workers/" + w.workerId())
                .then().statusCode(200).body("nationalId", equalTo(w.nationalId()));
        assertEquals(1, audits(w.workerId()));
        given().auth().oauth2(Tokens.officer("110000")).queryParam("reveal", true).queryParam("reason", "curiosity")
                .get("/api/workers/" + w.workerId()).then().statusCode(404);
        assertEquals(1, audits(w.workerId()));
    }

    private int audits(String workerId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from id_reveal_audit where worker_id = ? and reason <> ''")) {
            s.setObject(1, UUID.fromString(workerId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
