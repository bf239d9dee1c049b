package org.psi.common.i18n;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Bean Validation writes its messages in the language {@link Languages} picks for the request, the
 * same as every other text of a problem answer ({@code quarkus.locales} lists both languages).
 * Outside a request: null, Quarkus' default locale ({@code quarkus.default-locale=en}).
 */
@Singleton
public class RequestLocaleResolver implements LocaleResolver {

    private final CurrentVertxRequest request;

    public RequestLocaleResolver(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public Locale resolve(LocaleResolverContext context) {
        try {
            RoutingContext current = request.getCurrent();
            return current == null ? null : Languages.of(current.request().getHeader("Accept-Language"));
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
