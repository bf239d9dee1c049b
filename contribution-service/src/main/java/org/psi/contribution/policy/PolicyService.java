package org.psi.contribution.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Sector;

/**
 * Regional contribution policies per year: kept as data, never as constants in code. Each region
 * and year has at most one policy; a PUT replaces it (its version counts the changes).
 */
@ApplicationScoped
public class PolicyService {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PolicyRepository policies;
    private final Clock clock;

    public PolicyService(PolicyRepository policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** What a caller sets; every field is required except medicalIndividualPercent (default 0). */
    public record PolicyInput(Long averageMonthlyWageFen, Integer baseFloorPercent, Integer baseCeilingPercent,
                              BigDecimal pensionRatePercent, BigDecimal pensionIndividualPercent,
                              BigDecimal medicalRatePercent, BigDecimal medicalIndividualPercent,
                              Map<String, Long> injuryFeePerOrderFen) {
    }

    public record Saved(RegionPolicy policy, boolean created) {
    }

    /** A pooling region of some scheme, given in a path. */
    public static RegionCode poolingRegion(String raw) {
        RegionCode code = PoolingRegions.requireKnown(raw, "code");
        if (PoolingRegions.find(code).isEmpty()) {
            throw new InvalidValueException("code", "NOT_A_POOLING_REGION", code + " is not a pooling region");
        }
        return code;
    }

    public static int year(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidValueException("year", "OUT_OF_RANGE", "The year is " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return year;
    }

    public RegionPolicy get(RegionCode region, int year) {
        return policies.find(region.value(), year(year))
                .orElseThrow(() -> ProblemException.notFound("A policy of " + region + " for " + year));
    }

    @Transactional
    public Saved put(RegionCode region, int year, PolicyInput in, String updatedBy) {
        year(year);
        Map<String, Number> fees = check(in);
        Optional<RegionPolicy> existing = policies.findForUpdate(region.value(), year);
        RegionPolicy p = existing.orElseGet(() -> {
            RegionPolicy fresh = new RegionPolicy();
            fresh.id = new RegionPolicy.Key(region.value(), year);
            return fresh;
        });
        p.averageMonthlyWageFen = in.averageMonthlyWageFen();
        p.baseFloorPercent = in.baseFloorPercent();
        p.baseCeilingPercent = in.baseCeilingPercent();
        p.pensionRatePercent = in.pensionRatePercent();
        p.pensionIndividualPercent = in.pensionIndividualPercent();
        p.medicalRatePercent = in.medicalRatePercent();
        p.medicalIndividualPercent = in.medicalIndividualPercent() == null ? BigDecimal.ZERO : in.medicalIndividualPercent();
        p.injuryFeePerOrderFen = fees;
        p.illustrative = false;
        p.version = existing.isPresent() ? p.version + 1 : 1;
        p.updatedBy = updatedBy;
        p.updatedAt = Instant.now(clock);
        if (existing.isEmpty()) {
            policies.persist(p);
        }
        return new Saved(p, existing.isEmpty());
    }

    /** A book that loads the policies a piece of work needs, each once. */
    public PolicyBook book() {
        return new PolicyBook((region, year) -> policies.find(region, year).map(RegionPolicy::terms));
    }

    private static Map<String, Number> check(PolicyInput in) {
        if (in.baseCeilingPercent() < in.baseFloorPercent()) {
            throw new InvalidValueException("baseCeilingPercent", "OUT_OF_RANGE", "The ceiling is not below the floor");
        }
        percent("pensionRatePercent", in.pensionRatePercent(), HUNDRED);
        percent("pensionIndividualPercent", in.pensionIndividualPercent(), in.pensionRatePercent());
        percent("medicalRatePercent", in.medicalRatePercent(), HUNDRED);
        if (in.medicalIndividualPercent() != null) {
            percent("medicalIndividualPercent", in.medicalIndividualPercent(), in.medicalRatePercent());
        }
        Map<String, Number> fees = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : in.injuryFeePerOrderFen().entrySet()) {
            Sector sector = Sector.parse(e.getKey(), "injuryFeePerOrderFen");
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100_000) {
                throw new InvalidValueException("injuryFeePerOrderFen." + sector, "OUT_OF_RANGE",
                        "A fee per order is 0 to 100000 fen");
            }
            fees.put(sector.name(), e.getValue());
        }
        return fees;
    }

    private static void percent(String field, BigDecimal value, BigDecimal max) {
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw new InvalidValueException(field, "OUT_OF_RANGE", field + " is 0 to " + max.stripTrailingZeros().toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException(field, "TOO_PRECISE", field + " has at most 2 decimals");
        }
    }
}
