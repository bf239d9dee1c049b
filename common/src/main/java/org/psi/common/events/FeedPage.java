package org.psi.common.events;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a feed: the events after the asked position (in commit order, only of the streams the
 * reader is entitled to) and the position to ask after next time. {@code next} may lie beyond the
 * last event returned when the events in between belong to streams the reader does not read.
 */
@Schema(name = "FeedPage")
public record FeedPage(@Schema(maxItems = EventFeed.MAX_LIMIT) List<FeedEvent> events,
                       @Schema(minimum = "0") long next) {
}
