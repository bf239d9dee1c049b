package org.psi.e2e;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.function.Predicate;

/** Transfer cases as their worker sees them, for the stories that follow a case through the saga. */
final class TransferCases {

    private TransferCases() {
    }

    /** The case once {@code done} holds: the saga runs in the background, so the story polls for it. */
    static JsonPath await(String token, String id, Predicate<JsonPath> done, String what, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonPath c;
        do {
            c = Stack.transfer(token).get("/api/transfers/" + id).then().statusCode(200).extract().jsonPath();
            if (done.test(c)) {
                return c;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the transfer did not reach " + what + " in " + within.toSeconds() + " s: " + c.prettify());
    }
}
