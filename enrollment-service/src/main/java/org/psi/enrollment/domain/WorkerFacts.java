package org.psi.enrollment.domain;

import java.util.List;

/** What the other PSI services need to know of one worker: enrollments with their history, and consents. */
public record WorkerFacts(Worker worker, List<EnrollmentTimeline> enrollments, List<PlatformLink> links) {
}
