package org.psi.transfer.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How transfer statistics are computed and published ({@code psi.statistics.*}). */
@ConfigMapping(prefix = "psi.statistics")
public interface TransferStatisticsConfig {

    /** A published cell counts at least this many persons (or none); a step's median and share need this many steps done. */
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
