package org.psi.contribution.certificate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.domain.Scheme;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.certificate.CertificateDtos.CertificateView;

/** A worker's own contribution certificate (beside their statement, under /api/workers/me). */
@Path("/api/workers/me/certificate")
@RolesAllowed(Roles.WORKER)
@Tag(name = "Statements", description = "A worker's own statement and contribution certificate")
public class WorkerCertificateResource {

    private final CertificateService certificates;
    private final Caller caller;

    public WorkerCertificateResource(CertificateService certificates, Caller caller) {
        this.certificates = certificates;
        this.caller = caller;
    }

    @GET
    @Produces({CertificateDtos.JOSE, MediaType.APPLICATION_JSON})
    @Operation(summary = "My contribution certificate of a scheme", description = "The periods, bases and amounts of the scheme, signed by this service: a compact JWS (ES256, the key id in its header) as application/jose, or with Accept: application/json its JSON view (the JWS and its content). Anyone verifies it offline against /.well-known/jwks.json, or with POST /api/certificates/verify.")
    @Parameter(name = "scheme", required = true, example = "PENSION", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            maxLength = Scheme.NAME_MAX))
    @APIResponse(responseCode = "200", description = "The certificate", content = {
            @Content(mediaType = CertificateDtos.JOSE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    maxLength = CertificateDtos.MAX_JWS),
                    examples = @ExampleObject(name = "jws", value = "eyJraWQiOiJwc2ktY2VydC0yMDI2LTEiLCJ0eXAiOiJwc2ktY2VydGlmaWNhdGUrand0IiwiYWxnIjoiRVMyNTYifQ.eyJpc3MiOi....MEUCIQ")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateView.class))})
    @APIResponse(responseCode = "400", description = "Missing or unknown scheme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response certificate(@QueryParam("scheme") String scheme, @Context HttpHeaders headers) {
        CertificateService.Certificate c = certificates.issue(caller.subject(), scheme);
        if (org.psi.common.api.AcceptHeader.prefersJsonTo(headers, CertificateDtos.JOSE)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) c.claims().get(CertificateService.CLAIM);
            return Response.ok(new CertificateView(c.jws(), c.kid(), c.claims(), content), MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(c.jws(), CertificateDtos.JOSE).build();
    }
}
