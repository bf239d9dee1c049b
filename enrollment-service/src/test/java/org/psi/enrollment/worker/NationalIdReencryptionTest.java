package org.psi.enrollment.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.NationalId;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

/**
 * Stored citizen IDs are bound to their worker's row: rows of the old format
 * are re-encrypted (idempotently) and still readable until then, and a ciphertext moved to another
 * worker's row does not decrypt there: the reveal fails instead of showing the other person's ID.
 */
@QuarkusTest
class NationalIdReencryptionTest {

    @Inject
    AgroalDataSource db;
    @Inject
    NationalIdReencryption reencryption;

    @Test
    void oldRowsAreReadableAndBroughtToTheCurrentFormatOnce() throws SQLException {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "MEDICAL", "440300", 100, null).statusCode(201);
        UUID id = UUID.fromString(w.workerId());
        assertTrue(NationalIdVault.isCurrent(cipher(id)), "a new registration is written in the current format");
        setCipher(id, NationalIdVaultTest.legacy(NationalId.parse(w.nationalId()), NationalIdVaultTest.KEY));
        reveal(w.workerId()).statusCode(200).body("nationalId", equalTo(w.nationalId()));

        assertTrue(reencryption.reencryptAll() >= 1);
        byte[] now = cipher(id);
        assertTrue(NationalIdVault.isCurrent(now));
        reveal(w.workerId()).statusCode(200).body("nationalId", equalTo(w.nationalId()));
        assertEquals(0, reencryption.reencryptAll(), "a second run has nothing to do");
        assertEquals(java.util.HexFormat.of().formatHex(now), java.util.HexFormat.of().formatHex(cipher(id)));
    }

    @Test
    void aCiphertextMovedToAnotherRowRevealsNothing() throws SQLException {
        Fixtures.Registered a = Fixtures.worker();
        Fixtures.Registered b = Fixtures.worker();
        Fixtures.enrol(b.token(), "MEDICAL", "440300", 100, null).statusCode(201);
        setCipher(UUID.fromString(b.workerId()), cipher(UUID.fromString(a.workerId())));
        String answer = reveal(b.workerId()).statusCode(500).contentType("application/problem+json").extract().asString();
        assertFalse(answer.contains(a.nationalId()), "the other worker's ID is not shown");
        assertFalse(answer.contains(b.nationalId()));
    }

    private static io.restassured.response.ValidatableResponse reveal(String workerId) {
        return given().auth().oauth2(Tokens.officer("440300")).queryParam("reveal", true).queryParam("reason", "case 2026-118")
                .get("/api/workers/" + workerId).then();
    }

    private byte[] cipher(UUID worker) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select national_id_cipher from worker where id = ?")) {
            s.setObject(1, worker);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private void setCipher(UUID worker, byte[] cipher) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("update worker set national_id_cipher = ? where id = ?")) {
            s.setBytes(1, cipher);
            s.setObject(2, worker);
            assertEquals(1, s.executeUpdate());
        }
    }
}
