package org.psi.common.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The media types a request asks for, for an endpoint that chooses its answer itself. The content
 * negotiation lets an empty {@code Accept} header through, which {@link HttpHeaders#getAcceptableMediaTypes()}
 * then fails to parse (it was a 500): an empty one counts as none (any type), one that still does not
 * parse is a 400.
 */
public final class AcceptHeader {

    private AcceptHeader() {
    }

    public static List<MediaType> acceptable(HttpHeaders headers) {
        try {
            return headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
            if (accept == null || accept.replace(",", "").isBlank()) {
                return List.of(MediaType.WILDCARD_TYPE);
            }
            throw ProblemException.invalid("Accept", "INVALID_HEADER", "common.accept.invalid");
        }
    }

    /**
     * Whether the client asks for JSON before (or instead of) {@code own}, the media type an
     * endpoint answers by default (e.g. {@code application/jose}): a wildcard is not a request for JSON.
     */
    public static boolean prefersJsonTo(HttpHeaders headers, String own) {
        for (MediaType m : acceptable(headers)) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType() && !m.isWildcardSubtype()) {
                return true;
            }
            if ((m.getType() + "/" + m.getSubtype()).equalsIgnoreCase(own)) {
                return false;
            }
        }
        return false;
    }
}
