package org.psi.contribution.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.psi.common.domain.RegionCode;

/**
 * The policies one piece of work reads (a feed, a statement), each loaded once. A city without a
 * policy of its own for a year uses its province's.
 */
public final class PolicyBook {

    private final BiFunction<String, Integer, Optional<PolicyTerms>> loader;
    private final Map<String, Optional<PolicyTerms>> loaded = new HashMap<>();

    public PolicyBook(BiFunction<String, Integer, Optional<PolicyTerms>> loader) {
        this.loader = loader;
    }

    private String lastRegion;
    private int lastYear;
    private Optional<PolicyTerms> last;

    public Optional<PolicyTerms> find(String region, int year) {
        if (last != null && year == lastYear && region.equals(lastRegion)) {
            return last;
        }
        Optional<PolicyTerms> found = resolve(region, year);
        lastRegion = region;
        lastYear = year;
        last = found;
        return found;
    }

    private Optional<PolicyTerms> resolve(String region, int year) {
        Optional<PolicyTerms> own = load(region, year);
        if (own.isPresent()) {
            return own;
        }
        RegionCode code = new RegionCode(region);
        return code.level() == RegionCode.Level.PROVINCE ? own : load(code.province().value(), year);
    }

    private Optional<PolicyTerms> load(String region, int year) {
        return loaded.computeIfAbsent(region + "/" + year, k -> loader.apply(region, year));
    }
}
