package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.psi.common.domain.Scheme;
import org.psi.contribution.assessment.ExcessRefunds;
import org.psi.contribution.assessment.MonthAssessment;
import org.psi.contribution.assessment.ReassessmentService;
import org.psi.contribution.ledger.LedgerStore;
import org.psi.contribution.ledger.PostingDraft;

/**
 * Months paid toward before assessments existed may have been paid beyond their due (several payers
 * each paying the whole month): V4 assessed them from the due their postings recorded; this moves
 * what lies beyond it to the payers' refundable credit, the payer who paid last first, and re-splits
 * each such month's individual account to the share of its due, with the same rule and the same
 * insert-only postings a re-assessment uses ({@link ExcessRefunds}), in the migration's transaction.
 */
public class V5__Refund_excess_paid_before_assessment extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Instant now = Instant.now();
        List<PostingDraft> drafts = new ArrayList<>();
        for (Excess e : excess(c)) {
            drafts.addAll(ExcessRefunds.plan(e.assessment(), e.paidFen(), e.individualFen(), payers(c, e.assessment().key()),
                    "assessment-migration/" + e.assessment().workerId() + "/" + e.assessment().scheme() + "/" + e.assessment().month(),
                    ReassessmentService.RESPLIT_SOURCE, now));
        }
        LedgerStore.writeOn(c, drafts.stream().filter(d -> !d.legs().isEmpty()).toList());
    }

    private record Excess(MonthAssessment assessment, long paidFen, long individualFen) {
    }

    private static List<Excess> excess(Connection c) throws SQLException {
        List<Excess> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select a.worker_id, a.scheme, a.month, a.region, a.base_grade, a.base_fen, a.rate_percent, a.individual_percent,
                       a.due_fen, a.policy_region, a.policy_year, a.policy_version, a.revision, a.assessed_at, p.paid, p.individual
                  from month_assessment a
                  join (select worker_id, scheme, month, sum(amount_fen) as paid, sum(individual_fen) as individual
                          from posting where kind <> 'TRANSFER' and scheme in ('PENSION', 'MEDICAL')
                         group by worker_id, scheme, month) p
                    on p.worker_id = a.worker_id and p.scheme = a.scheme and p.month = a.month
                 where p.paid > a.due_fen
                 order by a.worker_id, a.scheme, a.month""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int grade = r.getInt(5);
                out.add(new Excess(new MonthAssessment(r.getObject(1, UUID.class), Scheme.valueOf(r.getString(2)),
                        YearMonth.parse(r.getString(3)), r.getString(4), r.wasNull() ? null : grade, r.getLong(6),
                        r.getBigDecimal(7), r.getBigDecimal(8), r.getLong(9), r.getString(10), r.getInt(11), r.getInt(12),
                        r.getInt(13), r.getTimestamp(14).toInstant()), r.getLong(15), r.getLong(16)));
            }
        }
        return out;
    }

    private static List<ExcessRefunds.Payer> payers(Connection c, MonthAssessment.Key month) throws SQLException {
        List<ExcessRefunds.Payer> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select source, sum(amount_fen) from posting
                 where worker_id = ? and scheme = ? and month = ? and kind <> 'TRANSFER' and source <> 'reassessment'
                 group by source order by max(id) desc""")) {
            s.setObject(1, month.workerId());
            s.setString(2, month.scheme().name());
            s.setString(3, month.month().toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new ExcessRefunds.Payer(r.getString(1), r.getLong(2)));
                }
            }
        }
        return out;
    }
}
