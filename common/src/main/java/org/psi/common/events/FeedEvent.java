package org.psi.common.events;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event of a service's outbox as its feed delivers it: {@code seq} orders events in the order
 * their transactions committed, {@code id} is unique across sources (a consumer may dedupe by it),
 * {@code aggregateType} names the stream (what a reader may be entitled to), {@code aggregateId} the
 * thing that changed, {@code type} what happened, and {@code payload} the JSON it carries (kept as
 * JSON text, written and read as a JSON value).
 */
@Schema(name = "FeedEvent")
public record FeedEvent(@Schema(minimum = "0") long seq, UUID id,
                        @Schema(maxLength = 32) String aggregateType,
                        @Schema(maxLength = 64) String aggregateId, @Schema(maxLength = 64) String type, Instant occurredAt,
                        @JsonRawValue @JsonDeserialize(using = FeedEvent.RawJson.class)
                        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT) String payload) {

    /** Reads a JSON value back into its text. */
    public static final class RawJson extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return p.readValueAsTree().toString();
        }
    }
}
