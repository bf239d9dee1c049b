package org.psi.transfer.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.transfer.support.Db;
import org.psi.transfer.support.Fixtures;

/** The event trail is tamper-evident: a changed or removed event is detected when the trail is read. */
@QuarkusTest
class EventTrailTest {

    /** A completed pension case: 7 events. */
    private static String completed(Fixtures.Worker w) {
        String id = Fixtures.submitted(w, "PENSION", "310000");
        Fixtures.awaitHeld(id);
        Fixtures.accept(id, "310000").statusCode(200);
        Fixtures.transferOut(id, "440000").statusCode(200);
        Fixtures.awaitSettled(id, "COMPLETED");
        return id;
    }

    private static io.restassured.response.ValidatableResponse trail(Fixtures.Worker w, String id) {
        return given().auth().oauth2(w.token()).get("/api/transfers/" + id + "/events").then().statusCode(200);
    }

    @Test
    void eachEventCarriesTheHashOfTheOneBefore() {
        Fixtures.Worker w = Fixtures.pension("440000", 1000, 2000);
        String id = completed(w);
        var body = trail(w, id).body("items", hasSize(7)).body("integrity.valid", equalTo(true)).extract();
        for (int i = 1; i < 7; i++) {
            String previous = body.path("items[" + (i - 1) + "].hash");
            String carried = body.path("items[" + i + "].previousHash");
            org.junit.jupiter.api.Assertions.assertEquals(previous, carried);
        }
        String last = body.path("items[6].hash");
        String head = body.path("integrity.headHash");
        org.junit.jupiter.api.Assertions.assertEquals(last, head);
        // the trail pages by sequence number
        String cursor = given().auth().oauth2(w.token()).queryParam("limit", 4).get("/api/transfers/" + id + "/events")
                .then().body("items", hasSize(4)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(w.token()).queryParam("limit", 4).queryParam("cursor", cursor).get("/api/transfers/" + id + "/events")
                .then().body("items", hasSize(3)).body("items[0].seq", equalTo(5)).body("nextCursor", nullValue());
    }

    @Test
    void aChangedEventIsDetected() {
        Fixtures.Worker w = Fixtures.pension("440000", 1000, 2000);
        String id = completed(w);
        // someone lowers the amount recorded as held
        Db.update("update transfer_event set data = replace(data, 'individualAccountFen=1000', 'individualAccountFen=10') "
                + "where transfer_id = ? and type = 'FUNDS_HELD'", UUID.fromString(id));
        trail(w, id).body("integrity.valid", equalTo(false)).body("integrity.brokenAt", equalTo(2))
                .body("integrity.problem", notNullValue());
    }

    @Test
    void aChangedTimeOrActorIsDetected() {
        Fixtures.Worker w = Fixtures.pension("440000", 1000, 2000);
        String id = completed(w);
        Db.update("update transfer_event set actor = 'officer:310000:someone-else' where transfer_id = ? and seq = 3",
                UUID.fromString(id));
        trail(w, id).body("integrity.valid", equalTo(false)).body("integrity.brokenAt", equalTo(3));
        Db.update("update transfer_event set at = at - interval '20 days' where transfer_id = ? and seq = 4", UUID.fromString(id));
        trail(w, id).body("integrity.valid", equalTo(false));
    }

    @Test
    void aRemovedEventIsDetectedInTheMiddleAndAtTheEnd() {
        Fixtures.Worker w = Fixtures.pension("440000", 1000, 2000);
        String middle = completed(w);
        Db.update("delete from transfer_event where transfer_id = ? and seq = 4", UUID.fromString(middle));
        trail(w, middle).body("items", hasSize(6)).body("integrity.valid", equalTo(false)).body("integrity.brokenAt", equalTo(4));

        Fixtures.Worker w2 = Fixtures.pension("440000", 1000, 2000);
        String last = completed(w2);
        Db.update("delete from transfer_event where transfer_id = ? and seq = 7", UUID.fromString(last));
        trail(w2, last).body("items", hasSize(6)).body("integrity.valid", equalTo(false)).body("integrity.brokenAt", equalTo(7));
    }
}
