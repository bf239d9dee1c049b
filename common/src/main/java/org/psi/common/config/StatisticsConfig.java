package org.psi.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service computes and publishes its statistics ({@code psi.statistics.*}; the same keys in every service). */
@ConfigMapping(prefix = "psi.statistics")
public interface StatisticsConfig {

    /** A published cell counts at least this many persons (or none). */
    @WithDefault("10")
    int threshold();

    /** The largest group of linked withheld cells the exact-recovery audit solves (see Suppression). */
    @WithDefault("1500")
    int auditLimit();

    /** The most months one query may span. */
    @WithDefault("36")
    int maxMonths();

    /** How often the figures are recomputed, e.g. {@code 15m}; {@code off} to refresh only on request. */
    @WithDefault("15m")
    String refreshEvery();
}
