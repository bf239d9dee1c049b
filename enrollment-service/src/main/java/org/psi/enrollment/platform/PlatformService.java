package org.psi.enrollment.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.CreditCode;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Sector;
import org.psi.common.i18n.Message;
import org.psi.enrollment.events.EnrollmentEvents;

/** Platforms as registered by an admin, and matched to the OIDC client their servers log in with. */
@ApplicationScoped
public class PlatformService {

    private final PlatformRepository platforms;
    private final Clock clock;
    private final EnrollmentEvents events;

    public PlatformService(PlatformRepository platforms, Clock clock, EnrollmentEvents events) {
        this.events = events;
        this.platforms = platforms;
        this.clock = clock;
    }

    public record Registration(String code, String name, String creditCode, String clientId, List<String> sectors) {
    }

    @Transactional
    public Platform register(Registration r) {
        CreditCode credit = CreditCode.parse(r.creditCode());
        if (r.sectors() == null || r.sectors().isEmpty()) {
            throw new InvalidValueException("sectors", "REQUIRED", "enrollment.platform.sector-required");
        }
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        for (int i = 0; i < r.sectors().size(); i++) {
            sectors.add(Sector.parse(r.sectors().get(i), "sectors[" + i + "]"));
        }
        if (platforms.findByIdOptional(r.code()).isPresent()) {
            throw ProblemException.conflict("platform-exists", "enrollment.platform.code-exists", r.code());
        }
        if (platforms.existsByCreditCode(credit.value())) {
            throw ProblemException.conflict("platform-exists", "enrollment.platform.credit-code-exists");
        }
        if (platforms.existsByClientId(r.clientId())) {
            throw ProblemException.conflict("platform-exists", "enrollment.platform.client-exists");
        }
        Platform p = new Platform();
        p.code = r.code();
        p.name = r.name().strip();
        p.creditCode = credit.value();
        p.clientId = r.clientId();
        p.sectors = sectors;
        p.createdAt = Instant.now(clock);
        try {
            platforms.persistAndFlush(p);
        } catch (PersistenceException e) {
            throw ProblemException.conflict("platform-exists", "enrollment.platform.exists");
        }
        events.platform(p, EnrollmentEvents.PLATFORM_REGISTERED);
        return p;
    }

    /** The platform whose servers hold this client id. */
    public Platform byClientId(String clientId) {
        return platforms.findByClientId(clientId).orElseThrow(() -> new ProblemException(404, "platform-not-registered",
                Message.of("enrollment.title.not-registered"), Message.of("enrollment.platform.not-registered")));
    }

    public Platform byCode(String code) {
        return platforms.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("enrollment.platform.not-found", code));
    }
}
