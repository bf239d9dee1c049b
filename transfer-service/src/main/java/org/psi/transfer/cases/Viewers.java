package org.psi.transfer.cases;

import jakarta.enterprise.context.RequestScoped;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;

/** The caller as a case sees it: subject, worker or not, officer region (required of an officer), admin. */
@RequestScoped
public class Viewers {

    private final Caller caller;

    public Viewers(Caller caller) {
        this.caller = caller;
    }

    public Viewer current() {
        boolean officer = caller.is(Roles.OFFICER);
        return new Viewer(caller.subject(), caller.is(Roles.WORKER), officer ? caller.officerRegion() : null,
                caller.is(Roles.ADMIN));
    }
}
