package org.psi.contribution.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.contribution.certificate.CertificateDtos.Verification;

@Path("/")
@PermitAll
@Tag(name = "Certificates", description = "Public: the keys that verify contribution certificates, and a verifier")
public class CertificateResource {

    /** A compact JWS is three base64url parts; anything much longer is not a certificate. */
    private static final int MAX_JWS_BYTES = CertificateDtos.MAX_JWS;

    private final CertificateKeys keys;
    private final CertificateService certificates;
    private final ObjectMapper json;

    public CertificateResource(CertificateKeys keys, CertificateService certificates, ObjectMapper json) {
        this.keys = keys;
        this.certificates = certificates;
        this.json = json;
    }

    @GET
    @Path(".well-known/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(summary = "The public keys that verify certificates", description = "A JWK set (RFC 7517) of EC P-256 public keys; a certificate's header names its key (kid). Retired keys stay here while their certificates are valid.")
    @APIResponse(responseCode = "200", description = "The JWK set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "jwks", value = "{\"keys\":[{\"kty\":\"EC\",\"use\":\"sig\",\"crv\":\"P-256\",\"kid\":\"psi-cert-2026-1\",\"x\":\"NlO2rcwoVkcvMHgfalFMNRi3XbeBHTRIdGzAnmYGVII\",\"y\":\"xesF87Ej6cR9kVl94HjDP2k-yUNdN8uV6oFf29h6V3w\",\"alg\":\"ES256\"}]}")))
    public Map<String, Object> jwks() {
        return keys.publishedJwks();
    }

    @POST
    @Path("api/certificates/verify")
    @Consumes({CertificateDtos.JOSE, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(summary = "Verify a certificate", description = "Send the compact JWS as application/jose (or text/plain, or JSON {\"jws\": \"...\"}). The answer says whether this service signed it with one of its published keys, unaltered and unexpired, and shows its content when the signature holds.")
    @RequestBody(required = true, content = {
            @Content(mediaType = CertificateDtos.JOSE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    maxLength = CertificateDtos.MAX_JWS)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    maxLength = CertificateDtos.MAX_JWS)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateDtos.ToVerify.class))})
    @APIResponse(responseCode = "200", description = "Valid or not, and why", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class),
            examples = @ExampleObject(name = "tampered", value = "{\"valid\": false, \"reason\": \"BAD_SIGNATURE\", \"kid\": \"psi-cert-2026-1\"}")))
    @APIResponse(responseCode = "400", description = "An empty body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Far too large for a certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not application/jose, text/plain or JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Verification verify(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "REQUIRED", "contribution.certificate.required");
        }
        if (body.length > MAX_JWS_BYTES) {
            throw ProblemException.payloadTooLarge("payload-too-large", "contribution.certificate.too-large");
        }
        String jws = new String(body, StandardCharsets.UTF_8);
        if (contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON)) {
            try {
                JsonNode node = json.readTree(body);
                JsonNode value = node == null ? null : node.get("jws");
                if (value == null || !value.isTextual()) {
                    throw ProblemException.invalid("jws", "REQUIRED", "contribution.certificate.jws-required", "{\"jws\": \"<compact JWS>\"}");
                }
                jws = value.asText();
            } catch (java.io.IOException e) {
                throw ProblemException.malformedBody("contribution.certificate.malformed");
            }
        }
        CertificateService.Verification v = certificates.verify(jws);
        @SuppressWarnings("unchecked")
        Map<String, Object> content = v.claims() == null ? null : (Map<String, Object>) v.claims().get(CertificateService.CLAIM);
        return new Verification(v.valid(), v.reason(), v.kid(), v.valid() ? v.claims() : null, v.valid() ? content : null);
    }
}
