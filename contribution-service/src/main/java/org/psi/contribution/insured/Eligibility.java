package org.psi.contribution.insured;

import java.util.Map;

/**
 * The enrollment-service's answer for one feed: the platform, and per asked citizen ID (as sent,
 * normalised) either the worker or why there is none ({@code NOT_REGISTERED} or the ID's
 * validation code).
 */
public record Eligibility(PlatformFacts platform, Map<String, InsuredWorker> workers, Map<String, String> problems) {
}
