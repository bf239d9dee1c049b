package org.psi.contribution.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.AcceptHeader;
import org.psi.common.api.Cursors;
import org.psi.common.api.Page;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.i18n.Languages;
import org.psi.common.i18n.Message;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.config.ContributionConfig;
import org.psi.contribution.feed.FeedJobDtos.View;

@Path(FeedJobResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM)
@Tag(name = "Contribution feed jobs", description = "A feed of any size, streamed in and applied in chunks, with its progress and its rejected lines")
public class FeedJobResource {

    /** Uploads to this path are streamed past the service's usual body limit, to the job's own. */
    public static final String PATH = "/api/contribution-feeds";

    private final FeedJobService jobs;
    private final Caller caller;
    private final ObjectMapper json;
    private final ContributionConfig.FeedJobs config;
    private final Clock clock;

    public FeedJobResource(FeedJobService jobs, Caller caller, ObjectMapper json, ContributionConfig config, Clock clock) {
        this.jobs = jobs;
        this.caller = caller;
        this.json = json;
        this.config = config.feedJobs();
        this.clock = clock;
    }

    @POST
    @Consumes({FeedReader.NDJSON, FeedReader.CSV})
    @Operation(operationId = "submitFeedJob", summary = "Send a feed of any size as a job", description = """
            The body is NDJSON (one line object per text line) or CSV (a header row, then one row per text line), \
            optionally gzip-compressed (Content-Encoding: gzip), with the fields and line rules of /api/contribution-batches. \
            It is streamed into storage every instance of the service sees, and answered 202 with the job's address as soon \
            as it has arrived, before its lines are checked. The job then applies it in chunks, each in its own transaction; \
            after a restart of the service it goes on where it stopped, and no line is applied twice.

            Each line is accepted, a duplicate or rejected as in a batch, except that a malformed line (a missing or bad \
            field) is rejected by itself, with its field's code, instead of refusing the feed; lines are numbered by their \
            text line in the upload (a CSV header is line 1). A body that is not the declared format (a text line that is \
            not a JSON object, a CSV row with the wrong number of cells or a line break inside a quoted cell, a text line \
            over 64 KiB) makes the job FAILED with the reason, and nothing of it is applied.

            Send it under an Idempotency-Key: the same key and body answers the first job again (Idempotent-Replayed: \
            true), the same key with another body is 422. The most bytes as sent and once decompressed are limits of the \
            service (413 as soon as they are passed, with nothing kept); so are a gzip stream cut short and an empty body (400).""")
    @RequestBody(required = true, content = {
            @Content(mediaType = FeedReader.NDJSON, examples = @ExampleObject(name = "ndjson", value = """
                            {"ref": "FM-2026-11-26-000001", "nationalId": "11010519491231002X", "scheme": "OCCUPATIONAL_INJURY", "period": "2026-11-26", "orders": 1, "sector": "FOOD_DELIVERY"}
                            {"ref": "FM-2026-11-26-000002", "nationalId": "11010519491231002X", "scheme": "OCCUPATIONAL_INJURY", "period": "2026-11-26", "orders": 1, "sector": "FOOD_DELIVERY"}
                            """)),
            @Content(mediaType = FeedReader.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = Integer.MAX_VALUE),
                    examples = @ExampleObject(name = "csv", value = """
                            ref,nationalId,scheme,period,orders,sector
                            FM-2026-11-26-000001,11010519491231002X,OCCUPATIONAL_INJURY,2026-11-26,1,FOOD_DELIVERY
                            """))})
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = true, example = "feed-2026-11-26",
            description = "1 to 255 characters, scoped to the platform", schema = @Schema(type = SchemaType.STRING, maxLength = Idempotency.MAX_LENGTH))
    @APIResponse(responseCode = "202", description = "Received (or, with Idempotent-Replayed: true, received before): the job; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "No Idempotency-Key, an empty body or no line, not gzip or a gzip stream cut short; nothing kept",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a platform, or no platform is registered for this client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More bytes than a job may have, as sent or decompressed; nothing kept", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not NDJSON or CSV, or a Content-Encoding other than gzip", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_ENCODING) @Schema(enumeration = {"gzip", "identity"}, maxLength = 8) String contentEncoding,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Schema(maxLength = Languages.HEADER_MAX) String acceptLanguage,
                           @Context HttpHeaders headers, InputStream body) {
        String key = Idempotency.require(idempotencyKey);
        String format = FeedReader.format(contentType);
        if (FeedReader.JSON.equals(format)) {
            throw unsupported();
        }
        boolean gzip = gzip(contentEncoding);
        String clientId = caller.clientId();
        if (clientId == null) {
            throw ProblemException.forbidden("contribution.feed.no-client");
        }
        long length = parseLength(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        if (length > config.maxBytes()) {
            throw ProblemException.payloadTooLarge("payload-too-large", "common.body.too-large", length, config.maxBytes());
        }
        FeedJobService.Received received = jobs.receive(clientId, key, format, gzip, format, body);
        Locale language = Languages.of(acceptLanguage);
        Response.ResponseBuilder response = Response.accepted(View.of(received.job(), Instant.now(clock), language))
                .location(URI.create(PATH + "/" + received.job().id()))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (received.replayed()) {
            response.header(Idempotency.REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFeedJob", summary = "One of the caller's jobs and its progress", description = "Another platform's job is not found (404).")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "No job of the caller has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Schema(maxLength = Languages.HEADER_MAX) String acceptLanguage) {
        return View.of(jobs.get(id, caller.clientId()), Instant.now(clock), Languages.of(acceptLanguage));
    }

    @GET
    @Path("/{id}/errors")
    @Produces({FeedReader.NDJSON, FeedReader.CSV})
    @Operation(operationId = "getFeedJobErrors", summary = "The rejected lines of one of the caller's jobs",
            description = "As NDJSON (one {line, ref, code, message} per text line; the default) or CSV (Accept: text/csv), in line order, "
                    + "the messages in the language asked for. Another platform's job is not found (404).")
    @APIResponse(responseCode = "200", description = "The rejected lines so far", content = {
            @Content(mediaType = FeedReader.NDJSON, examples = @ExampleObject(name = "ndjson", value = """
                            {"line":17,"ref":"FM-2026-11-26-000017","code":"NOT_AUTHORISED","message":"The platform may not send lines for this person for this period"}
                            """)),
            @Content(mediaType = FeedReader.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = Integer.MAX_VALUE),
                    examples = @ExampleObject(name = "csv", value = """
                            line,ref,code,message
                            17,FM-2026-11-26-000017,NOT_AUTHORISED,The platform may not send lines for this person for this period
                            """))})
    @APIResponse(responseCode = "404", description = "No job of the caller has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response errors(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        FeedJobStore.Job job = jobs.get(id, caller.clientId());
        boolean csv = wantsCsv(headers);
        Locale language = Languages.of(headers);
        StreamingOutput out = stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            if (csv) {
                w.write("line,ref,code,message\r\n");
            }
            jobs.errors(job.id(), e -> {
                try {
                    String message = Problem.cut(e.message(language), Problem.FieldError.MAX_MESSAGE);
                    if (csv) {
                        w.write(e.line() + "," + csvCell(e.ref()) + "," + csvCell(e.code()) + "," + csvCell(message) + "\r\n");
                    } else {
                        w.write(json.writeValueAsString(new FeedJobDtos.Error(e.line(), e.ref(), e.code(), message)));
                        w.write('\n');
                    }
                } catch (java.io.IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            });
            w.flush();
        };
        return Response.ok(out, csv ? FeedReader.CSV + "; charset=UTF-8" : FeedReader.NDJSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelFeedJob", summary = "Stop one of the caller's jobs",
            description = "No further chunk is applied; what was applied stays applied and is counted in the job. Cancelling a cancelled job answers it again.")
    @APIResponse(responseCode = "200", description = "The job, CANCELLED", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "No job of the caller has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job is DONE or FAILED already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Schema(maxLength = Languages.HEADER_MAX) String acceptLanguage) {
        return View.of(jobs.cancel(id, caller.clientId()), Instant.now(clock), Languages.of(acceptLanguage));
    }

    @GET
    @Operation(operationId = "listFeedJobs", summary = "The caller's jobs, newest first", description = "Cursor-paginated: ?limit= (1 to 500, default 50) and ?cursor= from the previous page's nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of jobs")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<View> list(@QueryParam("limit") @Schema(minimum = "1", maximum = "" + Page.MAX_LIMIT) Integer limit,
                           @QueryParam("cursor") @Schema(maxLength = Cursors.MAX_LENGTH) String cursor,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Schema(maxLength = Languages.HEADER_MAX) String acceptLanguage) {
        int rows = Page.limit(limit);
        UUID before = Cursors.decodeId(cursor);
        Instant now = Instant.now(clock);
        Locale language = Languages.of(acceptLanguage);
        List<View> found = jobs.page(caller.clientId(), before, rows + 1).stream().map(j -> View.of(j, now, language)).toList();
        return Page.of(found, rows, v -> v.id().toString());
    }

    /** CSV when asked for before NDJSON; NDJSON otherwise (also for a wildcard). */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType m : AcceptHeader.acceptable(headers)) {
            if (m.isWildcardType() || m.isWildcardSubtype()) {
                return false;
            }
            String type = m.getType() + "/" + m.getSubtype();
            if (type.equalsIgnoreCase(FeedReader.CSV)) {
                return true;
            }
            if (type.equalsIgnoreCase(FeedReader.NDJSON)) {
                return false;
            }
        }
        return false;
    }

    private static boolean gzip(String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.strip().equalsIgnoreCase("identity")) {
            return false;
        }
        if (contentEncoding.strip().equalsIgnoreCase("gzip")) {
            return true;
        }
        throw new ProblemException(415, "unsupported-media-type", Message.of("common.status.415"),
                Message.of("contribution.feed-job.encodings"));
    }

    private static long parseLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-request", "common.body.length-not-a-number");
        }
    }

    private static ProblemException unsupported() {
        return new ProblemException(415, "unsupported-media-type", Message.of("common.status.415"),
                Message.of("contribution.feed-job.media-types"));
    }

    private static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
