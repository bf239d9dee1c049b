package org.psi.contribution.statement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.domain.Periods;
import org.psi.common.domain.Scheme;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.statement.StatementDtos.Statement;

@Path("/api/workers/me")
@RolesAllowed(Roles.WORKER)
@Tag(name = "Statements", description = "A worker's own statement and contribution certificate")
public class StatementResource {

    private final StatementService statements;
    private final Caller caller;

    public StatementResource(StatementService statements, Caller caller) {
        this.statements = statements;
        this.caller = caller;
    }

    @GET
    @Path("/statement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My statement of a scheme", description = "Every month from `from` (default: the first month on record) to `to` (default: this month): region, base, due, paid by each payer (platforms and SELF), status PAID/PARTIAL/UNPAID. Totals: counted months per region, the individual account balance; for OCCUPATIONAL_INJURY, covered days per platform. Always the caller's own: there is no way to name another worker.")
    @Parameter(name = "scheme", required = true, example = "PENSION", schema = @Schema(type = SchemaType.STRING, maxLength = Scheme.NAME_MAX))
    @Parameter(name = "from", example = "2026-01", schema = @Schema(type = SchemaType.STRING, pattern = Periods.MONTH_PATTERN))
    @Parameter(name = "to", example = "2026-11", schema = @Schema(type = SchemaType.STRING, pattern = Periods.MONTH_PATTERN))
    @APIResponse(responseCode = "200", description = "The statement", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statement.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown scheme, bad month, from after to", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The enrollment-service could not be asked", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response statement(@QueryParam("scheme") String scheme, @QueryParam("from") String from, @QueryParam("to") String to) {
        return Response.ok(statements.jsonForSubject(caller.subject(), scheme, from, to), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
