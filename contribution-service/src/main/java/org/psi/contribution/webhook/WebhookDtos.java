package org.psi.contribution.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of /api/platforms/me/webhook. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "WebhookRequest")
    public record Request(
            @Schema(required = true, example = "https://hooks.platform.example/psi") String url,
            @Schema(required = true, description = "Event types: cn.psi.contribution.batch.completed, cn.psi.contribution.feed.completed,"
                    + " cn.psi.enrollment.consent.granted, cn.psi.enrollment.consent.revoked") List<String> events) {
    }

    @Schema(name = "Webhook", description = "A platform's subscription; `secret` only in the answer that created it or rotated it")
    public record View(String url, List<String> events, Instant createdAt, Instant updatedAt,
                       @Schema(nullable = true, description = "Until when the secret before the last rotation also signs") Instant previousSecretValidUntil,
                       @Schema(nullable = true, example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
    }

    @Schema(name = "WebhookDelivery")
    public record Delivery(UUID eventId, String type, int attempts,
                           @Schema(nullable = true, description = "The receiver's last HTTP status") Integer lastStatus,
                           @Schema(nullable = true) String lastError,
                           @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String state,
                           @Schema(nullable = true) Instant nextRetryAt,
                           @Schema(nullable = true) Instant deliveredAt,
                           Instant createdAt) {
    }
}
