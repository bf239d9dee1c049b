package org.psi.transfer.insured;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sex;
import org.psi.common.store.Jdbc;
import org.psi.transfer.application.WorkerEnrollments;

/**
 * This service's copy of the enrollment-service's facts the transfer rules need ({@code insured_worker},
 * {@code insured_person}), through JDBC in the caller's transaction. A row changes only for an event
 * of a later feed position than the one it holds, so an event applied again changes nothing.
 */
@ApplicationScoped
public class InsuredStore {

    /** The worker stream's state, as far as this service reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkerState(UUID workerId, String subject, List<EnrollmentState> enrollments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnrollmentState(UUID enrollmentId, String scheme, String region, String status, YearMonth startMonth,
                                  YearMonth endMonth) {
    }

    /** The person stream's state. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(UUID workerId, LocalDate birthDate, Sex sex, String hukouRegion) {
    }

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public InsuredStore(AgroalDataSource db, ObjectMapper json) {
        this.jdbc = new Jdbc(db);
        this.json = json;
    }

    public boolean applyWorker(long seq, String recordJson) {
        WorkerState w = read(recordJson, WorkerState.class);
        return jdbc.update("""
                insert into insured_worker (worker_id, subject, record, seq, updated_at) values (?, ?, ?::jsonb, ?, now())
                on conflict (worker_id) do update
                   set subject = excluded.subject, record = excluded.record, seq = excluded.seq, updated_at = now()
                 where insured_worker.seq < excluded.seq""", s -> {
            s.setObject(1, w.workerId());
            s.setString(2, w.subject());
            s.setString(3, recordJson);
            s.setLong(4, seq);
        }) > 0;
    }

    public boolean applyPerson(long seq, String personJson) {
        Person p = read(personJson, Person.class);
        return jdbc.update("""
                insert into insured_person (worker_id, birth_date, sex, hukou_region, seq) values (?, ?, ?, ?, ?)
                on conflict (worker_id) do update
                   set birth_date = excluded.birth_date, sex = excluded.sex, hukou_region = excluded.hukou_region,
                       seq = excluded.seq
                 where insured_person.seq < excluded.seq""", s -> {
            s.setObject(1, p.workerId());
            s.setObject(2, p.birthDate());
            s.setString(3, p.sex().name());
            s.setString(4, p.hukouRegion());
            s.setLong(5, seq);
        }) > 0;
    }

    /** The worker who logs in as {@code subject}, with what the rules need; empty until both streams reached the copy. */
    public Optional<WorkerEnrollments> bySubject(String subject) {
        List<WorkerEnrollments> found = new ArrayList<>(1);
        jdbc.query("""
                select w.record::text, p.birth_date, p.sex, p.hukou_region
                  from insured_worker w join insured_person p using (worker_id)
                 where w.subject = ?""", s -> s.setString(1, subject), rs -> {
            WorkerState w = read(rs.getString(1), WorkerState.class);
            List<WorkerEnrollments.Enrollment> enrollments = new ArrayList<>();
            for (EnrollmentState e : w.enrollments() == null ? List.<EnrollmentState>of() : w.enrollments()) {
                Scheme scheme;
                try {
                    scheme = Scheme.valueOf(e.scheme());
                } catch (IllegalArgumentException | NullPointerException ex) {
                    continue;
                }
                enrollments.add(new WorkerEnrollments.Enrollment(e.enrollmentId(), scheme, e.region(), e.status(),
                        e.startMonth(), e.endMonth()));
            }
            found.add(new WorkerEnrollments(w.workerId(), w.subject(), rs.getObject(2, LocalDate.class),
                    Sex.valueOf(rs.getString(3)), rs.getString(4), List.copyOf(enrollments)));
        });
        return found.stream().findFirst();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event of the enrollment-service could not be read", e);
        }
    }
}
