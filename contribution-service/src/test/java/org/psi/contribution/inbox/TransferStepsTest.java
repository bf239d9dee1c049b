package org.psi.contribution.inbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.events.FeedEvent;
import org.psi.common.events.Streams;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Worker;

/**
 * The transfer-service's events, as its feed serves them ({transferId, workerId, seq, step, at}),
 * become TRANSFER_STEP notifications: one per event however often it is applied, for the case's
 * worker only. (The e2e suite runs the same path against a real transfer-service.)
 */
@QuarkusTest
class TransferStepsTest {

    @Inject
    TransferSteps steps;

    private static FeedEvent step(UUID id, UUID transferId, String workerId, long seq, String step) {
        return new FeedEvent(seq, id, Streams.TRANSFER, transferId.toString(), "transfer." + step.toLowerCase(),
                Instant.parse("2026-11-02T08:00:00Z").plusSeconds(seq),
                "{\"transferId\":\"" + transferId + "\",\"workerId\":\"" + workerId + "\",\"seq\":" + seq + ",\"step\":\"" + step
                        + "\",\"at\":\"" + Instant.now() + "\"}");
    }

    @Test
    void eachStepOfHerTransferIsToldOnce() {
        Worker w = Fixtures.worker();
        Worker other = Fixtures.worker();
        UUID transfer = UUID.randomUUID();
        FeedEvent submitted = step(UUID.randomUUID(), transfer, w.workerId(), 1, "SUBMITTED");
        FeedEvent accepted = step(UUID.randomUUID(), transfer, w.workerId(), 2, "ACCEPTED");
        QuarkusTransaction.requiringNew().run(() -> {
            steps.apply(submitted);
            steps.apply(accepted);
        });
        QuarkusTransaction.requiringNew().run(() -> steps.apply(accepted)); // the page pulled again
        QuarkusTransaction.requiringNew().run(() -> steps.apply(new FeedEvent(3, UUID.randomUUID(), "worker", "x", "worker.snapshot",
                Instant.now(), "{}"))); // a stream the inbox does not read

        List<Map<String, Object>> items = given().auth().oauth2(w.token()).get("/api/workers/me/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(2, items.size(), items.toString());
        assertEquals("TRANSFER_STEP", items.get(0).get("kind"));
        assertEquals(Map.of("transferId", transfer.toString(), "step", "ACCEPTED"), items.get(0).get("data"));
        assertEquals("Your transfer moved on: ACCEPTED", items.get(0).get("title"));
        assertEquals("SUBMITTED", ((Map<?, ?>) items.get(1).get("data")).get("step"));
        assertEquals(0, given().auth().oauth2(other.token()).get("/api/workers/me/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items").size());
    }
}
