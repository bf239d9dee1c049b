package org.psi.contribution.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.psi.common.api.Cursors;
import org.psi.common.api.Page;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.i18n.Languages;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.inbox.InboxDtos.Notification;
import org.psi.contribution.insured.InsuredDirectory;

@Path("/api/workers/me/notifications")
@RolesAllowed(Roles.WORKER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "What a worker's app tells her: unpaid months, consents, transfer steps, revoked credentials")
public class InboxResource {

    private final InboxStore inbox;
    private final InsuredDirectory directory;
    private final Caller caller;

    public InboxResource(InboxStore inbox, InsuredDirectory directory, Caller caller) {
        this.inbox = inbox;
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "myNotifications", summary = "My notifications, newest first",
            description = "Cursor-paginated. Title and body are in the language asked for (Accept-Language: zh-CN or en).")
    @APIResponse(responseCode = "200", description = "One page of the inbox")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Page<Notification>> list(@QueryParam("limit") @Schema(minimum = "1", maximum = "" + Page.MAX_LIMIT) Integer limit,
                                                 @QueryParam("cursor") @Schema(maxLength = Cursors.MAX_LENGTH) String cursor,
                                                 @Context HttpHeaders headers) {
        int rows = Page.limit(limit);
        InboxStore.Key after = cursor == null ? null : InboxStore.Key.parse(Cursors.decode(cursor));
        if (cursor != null && after == null) {
            throw ProblemException.invalid("cursor", "INVALID_CURSOR", "common.cursor.invalid");
        }
        Locale language = Languages.of(headers);
        List<InboxStore.Row> found = inbox.page(directory.bySubject(caller.subject()).workerId(), after, rows + 1);
        List<Notification> items = found.stream().map(r -> Notification.of(r, language)).toList();
        return inLanguage(Page.of(items, rows, n -> new InboxStore.Key(n.at(), n.id()).encode()), language);
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one of my notifications read")
    @APIResponse(responseCode = "200", description = "The notification, read", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Notification.class)))
    @APIResponse(responseCode = "404", description = "No such notification of the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Notification> read(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return inLanguage(inbox.markRead(directory.bySubject(caller.subject()).workerId(), id)
                .map(r -> Notification.of(r, language))
                .orElseThrow(() -> ProblemException.notFound("contribution.notification.not-found", id)), language);
    }

    /** Titles and bodies are written in the language asked for: the answer says which, and varies by it. */
    private static <T> RestResponse<T> inLanguage(T body, Locale language) {
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
