package org.psi.transfer.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.transfer.support.Db;
import org.psi.transfer.support.Fixtures;

/** The officers' queue: direction, status and overdue filters, province officers covering cities, paging. */
@QuarkusTest
class QueueTest {

    /** Every entry of a filtered queue, walking all pages (other tests' cases may be there too). */
    private static List<Map<String, Object>> queue(String officerRegion, String region, Map<String, ?> filters) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Tokens.officer(officerRegion)).queryParams(filters).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/regions/" + region + "/transfers").then().statusCode(200).extract();
            all.addAll(page.path("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static boolean contains(List<Map<String, Object>> entries, String id) {
        return entries.stream().anyMatch(e -> id.equals(e.get("id")));
    }

    @Test
    void incomingAndOutgoingCasesAreListedByDirectionAndStatus() {
        Fixtures.Worker w = Fixtures.pension("650000", 10, 10);
        String id = Fixtures.submitted(w, "PENSION", "640000");
        assertTrue(contains(queue("640000", "640000", Map.of("direction", "IN")), id));
        assertFalse(contains(queue("640000", "640000", Map.of("direction", "OUT")), id));
        assertTrue(contains(queue("650000", "650000", Map.of("direction", "OUT", "status", "SUBMITTED")), id));
        assertFalse(contains(queue("650000", "650000", Map.of("status", "ACCEPTED")), id));
        Map<String, Object> entry = queue("640000", "640000", Map.of()).stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow();
        assertEquals("IN", entry.get("direction"));
        assertEquals("REVIEW", entry.get("currentStep"));
        assertEquals(false, entry.get("overdue"));
    }

    @Test
    void anOverdueStepIsFlaggedAndListed() {
        Fixtures.Worker w = Fixtures.pension("650000", 10, 10);
        String id = Fixtures.submitted(w, "PENSION", "640000");
        assertFalse(contains(queue("640000", "640000", Map.of("overdue", "true")), id));
        // the application arrived 40 days ago: its 15 working days are up
        LocalDate started = LocalDate.now().minusDays(40);
        LocalDate due = started.plusDays(21);
        Db.update("update transfer_case set review_started_on = ?, review_due_on = ?, current_due_on = ? where id = ?",
                started, due, due, UUID.fromString(id));
        assertTrue(contains(queue("640000", "640000", Map.of("overdue", "true", "direction", "IN")), id));
        assertFalse(contains(queue("640000", "640000", Map.of("overdue", "false")), id));
        given().auth().oauth2(w.token()).get("/api/transfers/" + id).then().statusCode(200)
                .body("overdue", equalTo(true)).body("deadlines[0].overdue", equalTo(true));
        // accepted late: the review step is done outside its deadline, the next step is not overdue
        Fixtures.accept(id, "640000").statusCode(200).body("overdue", equalTo(false))
                .body("deadlines[0].withinDeadline", equalTo(false));
        assertFalse(contains(queue("640000", "640000", Map.of("overdue", "true")), id));
    }

    @Test
    void aProvinceOfficerSeesItsCitiesAndACityOfficerOnlyItsOwn() {
        Fixtures.Worker w = Fixtures.medical("440300", 10);
        String id = Fixtures.submitted(w, "MEDICAL", "440100");
        assertTrue(contains(queue("440000", "440000", Map.of()), id));
        assertTrue(contains(queue("440000", "440300", Map.of("direction", "OUT")), id));
        assertTrue(contains(queue("440300", "440300", Map.of("direction", "OUT")), id));
        assertTrue(contains(queue("440100", "440100", Map.of("direction", "IN")), id));
        assertFalse(contains(queue("440600", "440600", Map.of()), id));
        // a city officer cannot read the province's queue
        given().auth().oauth2(Tokens.officer("440300")).get("/api/regions/440000/transfers").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badQueueParametersAre400() {
        String token = Tokens.officer("310000");
        for (String[] q : new String[][] {{"direction", "SIDEWAYS"}, {"status", "DONE"}, {"overdue", "yes"}, {"limit", "0"},
                {"limit", "501"}, {"cursor", "!!"}}) {
            given().auth().oauth2(token).queryParam(q[0], q[1]).get("/api/regions/310000/transfers").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(token).get("/api/regions/31/transfers").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.newWorker()).get("/api/regions/310000/transfers").then().statusCode(403);
    }
}
