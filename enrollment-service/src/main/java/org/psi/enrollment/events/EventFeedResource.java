package org.psi.enrollment.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.events.EventFeed;
import org.psi.common.events.FeedPage;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;

/** The enrollment-service's events, for the PSI services that keep copies of its facts (docs/INTERNAL-API.md). */
@Path("/internal/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INTERNAL)
@Tag(name = "Internal", description = "For PSI's contribution-service and transfer-service only (role internal)")
public class EventFeedResource {

    private final EventFeed feed;
    private final WorkerCopies copies;
    private final Caller caller;

    public EventFeedResource(EventFeed feed, WorkerCopies copies, Caller caller) {
        this.feed = feed;
        this.copies = copies;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Events after a position", description = "The events of the streams the calling service reads, in commit order, after `after` (which also acknowledges that everything up to it has been applied); waits up to `waitSeconds` when there is none yet. `next` is the position to ask after next time.")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(schema = @Schema(implementation = FeedPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an internal service, or one that reads no stream here", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedPage events(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
                           @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(EventFeed.MAX_LIMIT) int limit,
                           @QueryParam("waitSeconds") @DefaultValue("0") @Min(0) @Max(20) int waitSeconds) {
        return feed.read(caller.clientId(), after, limit, Duration.ofSeconds(waitSeconds));
    }

    @GET
    @Path("/workers/by-subject/{subject}")
    @Operation(summary = "One worker's current state as events", description = "For a service that meets a login it keeps no copy of yet: the worker's state in each stream the calling service reads, each event carrying the position of the worker's latest event; after that the feed keeps the copy up to date.")
    @APIResponse(responseCode = "200", description = "The worker's state, as events", content = @Content(schema = @Schema(implementation = FeedPage.class)))
    @APIResponse(responseCode = "403", description = "Not an internal service, or one that reads no stream here", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No worker has registered with this login", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedPage workerBySubject(@jakarta.ws.rs.PathParam("subject")
                                    @Schema(maxLength = org.psi.enrollment.internal.InternalDtos.SUBJECT_MAX) String subject) {
        return copies.bySubject(caller.clientId(), subject);
    }
}
