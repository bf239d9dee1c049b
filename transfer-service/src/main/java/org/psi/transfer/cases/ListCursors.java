package org.psi.transfer.cases;

import java.time.Instant;
import java.util.UUID;
import org.psi.common.api.Cursors;
import org.psi.common.api.ProblemException;

/** Cursors of lists ordered by submission time then id. */
final class ListCursors {

    private ListCursors() {
    }

    static TransferRepository.After after(String cursor) {
        String key = Cursors.decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            int bar = key.indexOf('|');
            return new TransferRepository.After(Instant.parse(key.substring(0, bar)), UUID.fromString(key.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "INVALID_CURSOR", "common.cursor.invalid");
        }
    }

    static String key(TransferCase c) {
        return c.submittedAt + "|" + c.id;
    }
}
