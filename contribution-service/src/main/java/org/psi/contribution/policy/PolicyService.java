package org.psi.contribution.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.psi.common.api.InvalidField;
import org.psi.common.api.Problem;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Sector;
import org.psi.common.i18n.Message;
import org.psi.contribution.ledger.LateContributionRule;

/**
 * Regional contribution policies per year, kept as data, never as constants in code, and versioned:
 * a change makes a new version with the time it took effect (the history is kept,
 * {@code region_policy_version}); a PUT that changes nothing makes none. A version applies to the
 * months assessed from then on; months already assessed keep their assessment until an explicit
 * re-assessment. The bounds that make a policy a policy are checked here (docs/DOMAIN.md).
 */
@ApplicationScoped
public class PolicyService {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    /** At most this pension rate, in percent. */
    public static final BigDecimal MAX_PENSION_RATE = BigDecimal.valueOf(30);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Sanity bounds of the stored figures: an average wage of at most 1,000,000 yuan, a floor or ceiling of at most 1000%. */
    public static final long MAX_WAGE_FEN = 100_000_000;
    public static final int MAX_BASE_PERCENT = 1000;
    /** The most versions one policy (a region and year) keeps; a change past them is refused. */
    public static final int MAX_VERSIONS = 1000;
    /** The highest fee per order, in fen. */
    public static final long MAX_FEE_PER_ORDER_FEN = 100_000;

    private final PolicyRepository policies;
    private final PolicyVersionStore versions;
    private final Event<PolicyCreated> created;
    private final Clock clock;

    public PolicyService(PolicyRepository policies, PolicyVersionStore versions, Event<PolicyCreated> created, Clock clock) {
        this.policies = policies;
        this.versions = versions;
        this.created = created;
        this.clock = clock;
    }

    /** What a caller sets; every field is required except medicalIndividualPercent (default 0). */
    public record PolicyInput(Long averageMonthlyWageFen, Integer baseFloorPercent, Integer baseCeilingPercent,
                              BigDecimal pensionRatePercent, BigDecimal pensionIndividualPercent,
                              BigDecimal medicalRatePercent, BigDecimal medicalIndividualPercent,
                              Map<String, Long> injuryFeePerOrderFen) {
    }

    /** The policy after a PUT; {@code created} if there was none, {@code changed} if a new version was made. */
    public record Saved(RegionPolicy policy, boolean created, boolean changed) {
    }

    /** A policy of a region and year that did not exist before (its open months can now be assessed). */
    public record PolicyCreated(String region, int year) {
    }

    /** A pooling region of some scheme, given in a path. */
    public static RegionCode poolingRegion(String raw) {
        RegionCode code = PoolingRegions.requireKnown(raw, "code");
        if (PoolingRegions.find(code).isEmpty()) {
            throw new InvalidValueException("code", "NOT_A_POOLING_REGION", "contribution.policy.not-pooling", code);
        }
        return code;
    }

    public static int year(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidValueException("year", "OUT_OF_RANGE", "contribution.policy.year-range", MIN_YEAR, MAX_YEAR);
        }
        return year;
    }

    public RegionPolicy get(RegionCode region, int year) {
        return policies.find(region.value(), year(year))
                .orElseThrow(() -> ProblemException.notFound("contribution.policy.not-found", region, year));
    }

    public List<PolicyVersionStore.Version> history(RegionCode region, int year) {
        get(region, year);
        return versions.of(region.value(), year);
    }

    /**
     * Sets the policy of a region and year by a PUT. A policy of a year before last is read-only
     * once it exists (months have been assessed and paid from it): it changes only through a
     * re-assessment ({@link #putForReassessment}); a missing one may be created (back-payments need it).
     */
    @Transactional
    public Saved put(RegionCode region, int year, PolicyInput in, String updatedBy) {
        year(year);
        if (year <= Year.now(clock).getValue() - 2 && policies.find(region.value(), year).isPresent()) {
            throw ProblemException.conflict("policy-read-only", "contribution.policy.read-only", region, year);
        }
        return save(region, year, in, updatedBy);
    }

    /** Sets the policy as part of a re-assessment, whatever its year (in the re-assessment's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Saved putForReassessment(RegionCode region, int year, PolicyInput in, String updatedBy) {
        return save(region, year(year), in, updatedBy);
    }

    private Saved save(RegionCode region, int year, PolicyInput in, String updatedBy) {
        Map<String, Number> fees = check(in);
        Optional<RegionPolicy> existing = policies.findForUpdate(region.value(), year);
        BigDecimal medicalIndividual = in.medicalIndividualPercent() == null ? BigDecimal.ZERO : in.medicalIndividualPercent();
        if (existing.isPresent() && same(existing.get(), in, medicalIndividual, fees)) {
            return new Saved(existing.get(), false, false);
        }
        if (existing.isPresent() && existing.get().version >= MAX_VERSIONS) {
            throw ProblemException.conflict("too-many-versions", "contribution.policy.too-many-versions", region, year, MAX_VERSIONS);
        }
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
        p.medicalIndividualPercent = medicalIndividual;
        p.injuryFeePerOrderFen = fees;
        p.illustrative = false;
        p.version = existing.isPresent() ? p.version + 1 : 1;
        p.updatedBy = updatedBy;
        p.updatedAt = Instant.now(clock);
        if (existing.isEmpty()) {
            policies.persist(p);
        }
        policies.flush();
        versions.insert(p);
        if (existing.isEmpty()) {
            created.fire(new PolicyCreated(region.value(), year));
        }
        return new Saved(p, existing.isEmpty(), true);
    }

    /** A book that loads the policies a piece of work needs, each once. */
    public PolicyBook book() {
        return new PolicyBook((region, year) -> policies.find(region, year).map(RegionPolicy::terms));
    }

    private static boolean same(RegionPolicy p, PolicyInput in, BigDecimal medicalIndividual, Map<String, Number> fees) {
        Map<String, Long> stored = new LinkedHashMap<>();
        p.injuryFeePerOrderFen.forEach((k, v) -> stored.put(k, v.longValue()));
        Map<String, Long> given = new LinkedHashMap<>();
        fees.forEach((k, v) -> given.put(k, v.longValue()));
        return p.averageMonthlyWageFen == in.averageMonthlyWageFen() && p.baseFloorPercent == in.baseFloorPercent()
                && p.baseCeilingPercent == in.baseCeilingPercent()
                && p.pensionRatePercent.compareTo(in.pensionRatePercent()) == 0
                && p.pensionIndividualPercent.compareTo(in.pensionIndividualPercent()) == 0
                && p.medicalRatePercent.compareTo(in.medicalRatePercent()) == 0
                && p.medicalIndividualPercent.compareTo(medicalIndividual) == 0
                && Objects.equals(stored, given);
    }

    /**
     * The bounds of a policy, all checked at once (422 with every broken field): a wage above 0; a
     * floor above 0 and not above the ceiling; a pension rate above 0 and at most 30 that keeps at
     * least 12 points for the pooled fund (a transfer moves 12% of the base from it) with an
     * individual share above 0; a medical rate above 0 with an individual share from 0 up to below
     * the rate; percents with at most 2 decimals; fees per order 0 to 100000 fen of known sectors.
     */
    static Map<String, Number> check(PolicyInput in) {
        List<InvalidField> errors = new ArrayList<>();
        if (in.averageMonthlyWageFen() <= 0 || in.averageMonthlyWageFen() > MAX_WAGE_FEN) {
            errors.add(InvalidField.of("averageMonthlyWageFen", "OUT_OF_RANGE",
                    "contribution.policy.wage-range", MAX_WAGE_FEN));
        }
        if (in.baseFloorPercent() <= 0 || in.baseFloorPercent() > MAX_BASE_PERCENT) {
            errors.add(InvalidField.of("baseFloorPercent", "OUT_OF_RANGE", "contribution.policy.floor-range", MAX_BASE_PERCENT));
        }
        if (in.baseCeilingPercent() > MAX_BASE_PERCENT) {
            errors.add(InvalidField.of("baseCeilingPercent", "OUT_OF_RANGE", "contribution.policy.ceiling-range", MAX_BASE_PERCENT));
        }
        if (in.baseCeilingPercent() < in.baseFloorPercent()) {
            errors.add(InvalidField.of("baseCeilingPercent", "OUT_OF_RANGE", "contribution.policy.ceiling-below-floor"));
        }
        BigDecimal pension = in.pensionRatePercent();
        BigDecimal pensionIndividual = in.pensionIndividualPercent();
        precision(errors, "pensionRatePercent", pension);
        precision(errors, "pensionIndividualPercent", pensionIndividual);
        if (pension.signum() <= 0 || pension.compareTo(MAX_PENSION_RATE) > 0) {
            errors.add(InvalidField.of("pensionRatePercent", "OUT_OF_RANGE",
                    "contribution.policy.pension-rate-range", MAX_PENSION_RATE));
        }
        if (pensionIndividual.signum() <= 0) {
            errors.add(InvalidField.of("pensionIndividualPercent", "OUT_OF_RANGE",
                    "contribution.policy.pension-individual-range"));
        } else if (pension.subtract(pensionIndividual).compareTo(BigDecimal.valueOf(LateContributionRule.TRANSFERRED_POOLED_PERCENT)) < 0) {
            errors.add(InvalidField.of("pensionIndividualPercent", "POOLED_SHARE_TOO_SMALL",
                    "contribution.policy.pooled-share", LateContributionRule.TRANSFERRED_POOLED_PERCENT));
        }
        BigDecimal medical = in.medicalRatePercent();
        precision(errors, "medicalRatePercent", medical);
        if (medical.signum() <= 0 || medical.compareTo(HUNDRED) > 0) {
            errors.add(InvalidField.of("medicalRatePercent", "OUT_OF_RANGE", "contribution.policy.medical-rate-range"));
        }
        if (in.medicalIndividualPercent() != null) {
            precision(errors, "medicalIndividualPercent", in.medicalIndividualPercent());
            if (in.medicalIndividualPercent().signum() < 0 || in.medicalIndividualPercent().compareTo(medical) >= 0) {
                errors.add(InvalidField.of("medicalIndividualPercent", "OUT_OF_RANGE",
                        "contribution.policy.medical-individual-range"));
            }
        }
        Map<String, Number> fees = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : in.injuryFeePerOrderFen().entrySet()) {
            Sector sector;
            try {
                sector = Sector.parse(e.getKey(), "injuryFeePerOrderFen");
            } catch (InvalidValueException ex) {
                errors.add(InvalidField.of("injuryFeePerOrderFen", ex.code(), ex.message()));
                continue;
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > MAX_FEE_PER_ORDER_FEN) {
                errors.add(InvalidField.of("injuryFeePerOrderFen." + sector, "OUT_OF_RANGE", "contribution.policy.fee-range"));
                continue;
            }
            fees.put(sector.name(), e.getValue());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "invalid-policy", Message.of("contribution.title.invalid-policy"),
                    errors.size() == 1 ? errors.get(0).message()
                    : Message.of("contribution.policy.breaks-bounds", errors.size()), errors);
        }
        return fees;
    }

    private static void precision(List<InvalidField> errors, String field, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > 2) {
            errors.add(InvalidField.of(field, "TOO_PRECISE", "contribution.policy.too-precise", field));
        }
    }
}
