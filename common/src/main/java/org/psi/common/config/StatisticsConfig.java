package org.psi.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service computes and publishes its statistics ({@code psi.statistics.*}; the same keys in every service). */
@ConfigMapping(prefix = "psi.statistics")
public interface StatisticsConfig {

    /** The ceiling of {@link #maxMonths()}: an answer has at most this many totals, one a month. */
    int MAX_MONTHS = 120;

    /** A published cell counts at least this many persons (or none). */
    @WithDefault("10")
    int threshold();

    /** The largest group of linked withheld cells the exact-recovery audit solves (see Suppression). */
    @WithDefault("1500")
    int auditLimit();

    /** The most months one query may span: 1 to {@value #MAX_MONTHS}. */
    @WithDefault("36")
    @jakarta.validation.constraints.Min(1)
    @jakarta.validation.constraints.Max(MAX_MONTHS)
    int maxMonths();

    /** How often the figures are recomputed, e.g. {@code 15m}; {@code off} to refresh only on request. */
    @WithDefault("15m")
    String refreshEvery();
}
