package org.psi.transfer.cases;

import org.psi.common.domain.RegionCode;

/**
 * Who acts on a case, from the verified token: a worker (by subject), an officer of a region (a
 * province covers its cities), an admin. Cases that the viewer may not see are answered as not found.
 */
public record Viewer(String subject, boolean worker, RegionCode officerRegion, boolean admin) {

    public boolean owns(TransferCase c) {
        return worker && subject != null && subject.equals(c.subject);
    }

    public boolean officerOf(String region) {
        return officerRegion != null && officerRegion.covers(new RegionCode(region));
    }

    public boolean canSee(TransferCase c) {
        return owns(c) || officerOf(c.fromRegion) || officerOf(c.toRegion) || admin;
    }

    /** How the event trail names this actor. */
    public String actor() {
        if (officerRegion != null) {
            return "officer:" + officerRegion.value() + ":" + subject;
        }
        return worker ? "worker" : admin ? "admin:" + subject : subject;
    }
}
