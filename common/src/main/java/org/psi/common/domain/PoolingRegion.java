package org.psi.common.domain;

import java.util.Set;

/** A region whose fund pools one or more schemes (统筹区). */
public record PoolingRegion(RegionCode code, String name, RegionCode.Level level, Set<Scheme> schemes) {

    public boolean pools(Scheme scheme) {
        return schemes.contains(scheme);
    }
}
