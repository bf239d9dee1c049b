package org.psi.contribution.inbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.i18n.Message;

/** Bodies of /api/workers/me/notifications. */
public final class InboxDtos {

    /** The longest title or body a notification's texts make (catalogue texts with ids, months and amounts). */
    public static final int TEXT_MAX = 500;

    private InboxDtos() {
    }

    @Schema(name = "Notification", description = "One notification of the worker's inbox; title and body in the language asked for (Accept-Language)")
    public record Notification(
            UUID id,
            @Schema(enumeration = {"MONTH_UNPAID", "CONSENT_CHANGED", "TRANSFER_STEP", "CREDENTIAL_REVOKED"}) String kind,
            Instant at,
            boolean read,
            @Schema(example = "PENSION for 2026-12 is not paid in full", maxLength = TEXT_MAX) String title,
            @Schema(example = "¥200.00 is due, ¥50.00 is paid. Pay the rest this month for the month to count.", maxLength = TEXT_MAX) String body,
            @Schema(description = "What it is about, as ids, months, amounts (fen) and states: MONTH_UNPAID {scheme, month, dueFen, paidFen};"
                    + " CONSENT_CHANGED {linkId, platformCode, status: GRANTED/REVOKED}; TRANSFER_STEP {transferId, step};"
                    + " CREDENTIAL_REVOKED {scheme, issuedAt}") Map<String, Object> data) {

        static Notification of(InboxStore.Row r, Locale language) {
            Map<String, Object> d = r.data();
            Message title;
            Message body;
            switch (r.kind()) {
                case MONTH_UNPAID -> {
                    title = Message.of("contribution.notification.unpaid.title", scheme(d), d.get("month"));
                    body = Message.of("contribution.notification.unpaid.body", yuan(d.get("dueFen")), yuan(d.get("paidFen")));
                }
                case CONSENT_CHANGED -> {
                    boolean granted = "GRANTED".equals(d.get("status"));
                    title = Message.of(granted ? "contribution.notification.consent-granted.title"
                            : "contribution.notification.consent-revoked.title", d.get("platformCode"));
                    body = Message.of(granted ? "contribution.notification.consent-granted.body"
                            : "contribution.notification.consent-revoked.body", d.get("platformCode"));
                }
                case TRANSFER_STEP -> {
                    title = Message.of("contribution.notification.transfer.title", d.get("step"));
                    body = Message.of("contribution.notification.transfer.body", d.get("step"));
                }
                default -> {
                    title = Message.of("contribution.notification.credential.title", scheme(d));
                    body = Message.of("contribution.notification.credential.body", scheme(d));
                }
            }
            return new Notification(r.id(), r.kind().name(), r.at(), r.read(), title.in(language), body.in(language), d);
        }

        private static Message scheme(Map<String, Object> data) {
            return Message.of("common.scheme-name." + data.get("scheme"));
        }

        private static String yuan(Object fen) {
            long f = fen instanceof Number n ? n.longValue() : 0;
            return String.format(Locale.ROOT, "¥%d.%02d", f / 100, Math.abs(f % 100));
        }
    }
}
