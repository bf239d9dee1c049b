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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.psi.common.api.Cursors;
import org.psi.common.api.Page;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.i18n.Languages;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.feed.BatchDtos.Report;
import org.psi.contribution.feed.BatchDtos.Summary;

@Path("/api/contribution-batches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM)
@Tag(name = "Contribution feeds", description = "Platforms push contribution lines; retries never count twice")
public class BatchResource {

    private final FeedService feeds;
    private final Caller caller;
    private final ObjectMapper json;

    public BatchResource(FeedService feeds, Caller caller, ObjectMapper json) {
        this.feeds = feeds;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @Consumes({FeedReader.JSON, FeedReader.NDJSON, FeedReader.CSV})
    @Operation(summary = "Send a contribution feed", description = """
            Up to 50,000 lines (more is 413) as JSON ({"lines": [...]}), NDJSON (one line object per text line) or CSV \
            (a header row, then one row per line). Send it under an Idempotency-Key: a retry with the same key and body \
            answers the first report again (header Idempotent-Replayed: true), the same key with another body is 422.

            A malformed feed (not well-formed JSON/NDJSON/CSV, a field of the wrong type or unknown, an unknown scheme, a \
            period of the wrong form or not yet begun, an amount or orders out of bounds) is refused whole with 400, every \
            bad line listed, and nothing is applied.

            Otherwise each line is checked against who is insured where (this service's copy of the enrollment-service's \
            facts) and the ledger, and the feed is applied in one transaction: accepted lines post to the ledger, a line whose \
            ref was accepted before with the same content is a duplicate (no effect), and rejected lines are listed with a \
            code, the first of these that applies: {line-codes}

            A correction is a reversal (a new ref with reversesRef naming the earlier line) and a new line: the ledger \
            never changes a posting. What all payers pay toward a month of PENSION or MEDICAL never exceeds the month's \
            assessed due; a payment splits by the assessment (pension 8/20 to the worker's individual account and 12/20 to the \
            region's pooled fund, allocated on the month's running total); OCCUPATIONAL_INJURY is orders x the region's fee \
            per order of the sector, all to the pooled fund.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = FeedReader.JSON, schema = @Schema(implementation = BatchDtos.FeedDoc.class),
                    examples = @ExampleObject(name = "json", value = """
                            {"lines": [
                              {"ref": "FM-2026-11-000001", "nationalId": "11010519491231002X", "scheme": "PENSION", "period": "2026-11", "amountFen": 30000},
                              {"ref": "FM-2026-11-26-000001", "nationalId": "11010519491231002X", "scheme": "OCCUPATIONAL_INJURY", "period": "2026-11-26", "orders": 37, "sector": "FOOD_DELIVERY"},
                              {"ref": "FM-2026-11-000002", "nationalId": "11010519491231002X", "scheme": "PENSION", "period": "2026-11", "reversesRef": "FM-2026-11-000001"}
                            ]}""")),
            @Content(mediaType = FeedReader.NDJSON, examples = @ExampleObject(name = "ndjson", value = """
                    {"ref": "FM-2026-11-000001", "nationalId": "11010519491231002X", "scheme": "PENSION", "period": "2026-11", "amountFen": 30000}
                    {"ref": "FM-2026-11-26-000001", "nationalId": "11010519491231002X", "scheme": "OCCUPATIONAL_INJURY", "period": "2026-11-26", "orders": 37, "sector": "FOOD_DELIVERY"}
                    """)),
            @Content(mediaType = FeedReader.CSV, examples = @ExampleObject(name = "csv", value = """
                    ref,nationalId,scheme,period,amountFen,orders,sector,reversesRef
                    FM-2026-11-000001,11010519491231002X,PENSION,2026-11,30000,,,
                    FM-2026-11-26-000001,11010519491231002X,OCCUPATIONAL_INJURY,2026-11-26,,37,FOOD_DELIVERY,
                    """))})
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = true, example = "feed-2026-11-26-part-0001",
            description = "1 to 255 characters, scoped to the platform", schema = @Schema(type = SchemaType.STRING, maxLength = Idempotency.MAX_LENGTH))
    @APIResponse(responseCode = "201", description = "Applied (or, with Idempotent-Replayed: true, applied before); the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class),
                    examples = @ExampleObject(name = "report", value = """
                            {"batchId": "019abc12-3456-7def-8123-456789abcdef", "platformCode": "FASTMEAL", "received": 3, "accepted": 1,
                             "duplicates": 1, "rejected": 1, "errors": [{"line": 3, "ref": "FM-2026-11-000003", "code": "NOT_AUTHORISED",
                             "message": "The worker had not authorised platform FASTMEAL to contribute for them in 2026-11"}],
                             "createdAt": "2026-11-26T03:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Malformed feed or missing Idempotency-Key; nothing applied", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "invalid", value = """
                    {"type": "https://psi.example/problems/invalid-feed", "title": "Invalid feed", "status": 400,
                     "detail": "1 of 2 lines are malformed (1 errors); nothing was applied. Fix them and send the feed again.",
                     "errors": [{"field": "amountFen", "line": 2, "code": "AMOUNT_OUT_OF_RANGE", "message": "amountFen is 1 to 10000000 fen"}]}""")))
    @APIResponse(responseCode = "403", description = "Not a platform, or no platform is registered for this client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More lines or bytes than a batch may have; nothing applied", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not JSON, NDJSON or CSV", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The enrollment-service could not be asked; nothing applied, retry with the same key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Schema(maxLength = Languages.HEADER_MAX) String acceptLanguage, byte[] body) {
        String key = Idempotency.require(idempotencyKey);
        String format = FeedReader.format(contentType);
        String clientId = caller.clientId();
        if (clientId == null) {
            throw ProblemException.forbidden("contribution.feed.no-client");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        FeedService.Outcome outcome = feeds.submit(new FeedService.Submission(clientId, key,
                FeedService.requestHash(format, bytes), format,
                () -> FeedReader.read(json.getFactory(), format, bytes, feeds.limits().maxLines())));
        Locale language = Languages.of(acceptLanguage);
        Report report = Report.of(outcome.report(), language);
        Response.ResponseBuilder response = Response.created(URI.create("/api/contribution-batches/" + report.batchId()))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(report);
        if (outcome.replayed()) {
            response.header(Idempotency.REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @Path("/{batchId}")
    @Operation(operationId = "getBatch", summary = "The report of one of the caller's batches", description = "Another platform's batch is not found (404).")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @APIResponse(responseCode = "404", description = "No batch of the caller has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Report get(@PathParam("batchId") UUID batchId,
                      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Schema(maxLength = Languages.HEADER_MAX) String acceptLanguage) {
        return Report.of(feeds.report(batchId, caller.clientId()), Languages.of(acceptLanguage));
    }

    @GET
    @Operation(summary = "The caller's batches, newest first", description = "Cursor-paginated: ?limit= (1 to 500, default 50) and ?cursor= from the previous page's nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of batch summaries")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Summary> list(@QueryParam("limit") @Schema(minimum = "1", maximum = "" + Page.MAX_LIMIT) Integer limit,
                              @QueryParam("cursor") @Schema(maxLength = Cursors.MAX_LENGTH) String cursor) {
        int rows = Page.limit(limit);
        UUID before = Cursors.decodeId(cursor);
        List<Summary> found = feeds.page(caller.clientId(), before, rows + 1).stream().map(Summary::of).toList();
        return Page.of(found, rows, s -> s.batchId().toString());
    }
}
