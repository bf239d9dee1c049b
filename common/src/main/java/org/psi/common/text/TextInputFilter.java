package org.psi.common.text;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.psi.common.api.InvalidField;
import org.psi.common.api.ProblemException;
import org.psi.common.api.ProblemMapper;
import org.psi.common.i18n.Languages;

/**
 * {@link TextInput} for what is not a JSON body: every path parameter and query parameter (as
 * decoded: {@code %00} is a NUL), and every header value (RFC 9110 allows no control character
 * but HTAB in a field value; header bytes above 0x7F are left alone, HTTP carries them as opaque
 * octets). A refusal is a 400 problem naming the parameter, never its value. Also maps
 * {@link InvalidTextException} of a JSON body to the same problem.
 */
public class TextInputFilter {

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, UriInfo uri) {
        for (Map.Entry<String, List<String>> h : request.getHeaders().entrySet()) {
            for (String v : h.getValue()) {
                if (!cleanHeader(v)) {
                    return Optional.of(refuse(h.getKey(), request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
                }
            }
        }
        Optional<String> bad = firstBad(uri.getPathParameters(true));
        if (bad.isEmpty()) {
            bad = firstBad(uri.getQueryParameters(true));
        }
        return bad.map(field -> refuse(field, request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    @ServerExceptionMapper
    public Response invalidText(InvalidTextException e, HttpHeaders headers) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return refuse(field.isEmpty() ? "body" : field, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static Optional<String> firstBad(MultivaluedMap<String, String> params) {
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (!TextInput.isClean(p.getKey())) {
                return Optional.of("parameter");
            }
            for (String v : p.getValue()) {
                if (!TextInput.isClean(v)) {
                    return Optional.of(p.getKey());
                }
            }
        }
        return Optional.empty();
    }

    static boolean cleanHeader(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static Response refuse(String field, String acceptLanguage) {
        return ProblemMapper.respond(ProblemException.validation(List.of(InvalidField.of(field, TextInput.CODE,
                TextInput.message(field)))), Languages.of(acceptLanguage));
    }
}
