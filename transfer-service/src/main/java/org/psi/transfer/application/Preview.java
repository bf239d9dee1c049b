package org.psi.transfer.application;

import java.util.List;
import org.psi.common.domain.Scheme;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.rules.PensionClaimRule;
import org.psi.transfer.rules.TemporaryAccountRule;

/**
 * What a transfer would do, shown to the worker before applying: what moves (nothing on the
 * temporary-account route), what the source holds, the temporary-account decision, where the pension
 * would be claimed after the transfer (and without it), and the steps with their working days.
 */
public record Preview(Scheme scheme, String fromRegion, String toRegion, TemporaryAccountRule.Decision temporaryAccount,
                      long individualAccountFen, long pooledFundFen, int months, Quote atSource,
                      PensionClaimRule.ClaimPlace pensionClaim, PensionClaimRule.ClaimPlace pensionClaimWithoutTransfer,
                      int totalCountedMonths, Integer minimumMonthsToDraw, List<StepDays> steps) {

    public record StepDays(Step step, Integer workingDays) {
    }
}
