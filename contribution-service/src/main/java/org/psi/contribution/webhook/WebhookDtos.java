package org.psi.contribution.webhook;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of /api/platforms/me/webhook. */
public final class WebhookDtos {

    /** How many event types there are, and the longest name of one. */
    public static final int EVENT_TYPES = 4;
    public static final int TYPE_MAX = 64;

    private WebhookDtos() {
    }

    @Schema(name = "WebhookRequest")
    public record Request(
            @Schema(required = true, example = "https://hooks.platform.example/psi", maxLength = WebhookService.MAX_URL) String url,
            @Schema(required = true, description = "Event types: cn.psi.contribution.batch.completed, cn.psi.contribution.feed.completed,"
                    + " cn.psi.enrollment.consent.granted, cn.psi.enrollment.consent.revoked", maxItems = EVENT_TYPES)
            List<@Size(max = TYPE_MAX) String> events) {
    }

    @Schema(name = "Webhook", description = "A platform's subscription; `secret` only in the answer that created it or rotated it")
    public record View(@Schema(maxLength = WebhookService.MAX_URL) String url,
                       @Schema(maxItems = EVENT_TYPES) List<@Size(max = TYPE_MAX) String> events, Instant createdAt, Instant updatedAt,
                       @Schema(nullable = true, description = "Until when the secret before the last rotation also signs") Instant previousSecretValidUntil,
                       @Schema(nullable = true, example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", maxLength = 64) String secret) {
    }

    @Schema(name = "WebhookDelivery")
    public record Delivery(UUID eventId, @Schema(maxLength = TYPE_MAX) String type, @Schema(minimum = "0", maximum = "100") int attempts,
                           @Schema(nullable = true, description = "The receiver's last HTTP status") Integer lastStatus,
                           @Schema(nullable = true, maxLength = 200) String lastError,
                           @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String state,
                           @Schema(nullable = true) Instant nextRetryAt,
                           @Schema(nullable = true) Instant deliveredAt,
                           Instant createdAt) {
    }
}
