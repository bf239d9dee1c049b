package org.psi.enrollment.internal;

import java.util.List;
import org.psi.enrollment.consent.PlatformLink;
import org.psi.enrollment.enrollment.EnrollmentTimeline;
import org.psi.enrollment.worker.Worker;

/** What the other PSI services need to know of one worker: enrollments with their history, and consents. */
public record WorkerDossier(Worker worker, List<EnrollmentTimeline> enrollments, List<PlatformLink> links) {
}
