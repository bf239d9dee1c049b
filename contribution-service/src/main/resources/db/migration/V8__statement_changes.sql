-- What a kept statement is checked against: a worker's statement may be answered from memory only
-- while nothing it is made of has changed. Every statement that writes what a worker's statement
-- reads (a posting, an assessment, an adjustment) adds one row per worker it touched; a change of a
-- region's policy (which prices the months not assessed yet) adds one row for the nil worker, which
-- every worker's check counts. The table is insert-only for writers, so no writer waits for another
-- here; a worker's count of changes only grows with each commit. `fold_statement_changes()` folds a
-- worker's rows into one with their summed weight, which leaves every count as it was.
create table statement_change (
    worker_id uuid   not null,
    weight    bigint not null default 1 check (weight > 0)
);
create index statement_change_worker on statement_change (worker_id);

create function statement_change_of_workers() returns trigger language plpgsql as $$
begin
    insert into statement_change (worker_id) select distinct worker_id from changed where worker_id is not null;
    return null;
end $$;
create trigger posting_changes_statements after insert on posting
    referencing new table as changed for each statement execute function statement_change_of_workers();
create trigger posting_update_changes_statements after update on posting
    referencing new table as changed for each statement execute function statement_change_of_workers();
create trigger assessment_insert_changes_statements after insert on month_assessment
    referencing new table as changed for each statement execute function statement_change_of_workers();
create trigger assessment_update_changes_statements after update on month_assessment
    referencing new table as changed for each statement execute function statement_change_of_workers();
create trigger adjustment_changes_statements after insert on assessment_adjustment
    referencing new table as changed for each statement execute function statement_change_of_workers();

create function statement_change_of_policies() returns trigger language plpgsql as $$
begin
    insert into statement_change (worker_id) values ('00000000-0000-0000-0000-000000000000');
    return null;
end $$;
create trigger policy_changes_statements after insert or update or delete on region_policy
    for each statement execute function statement_change_of_policies();
create trigger policy_version_changes_statements after insert or update or delete on region_policy_version
    for each statement execute function statement_change_of_policies();

-- Folds the rows of workers with more than one into a single row each; counts stay as they were.
create function fold_statement_changes() returns bigint language sql as $$
    with many as (
        select worker_id from statement_change group by worker_id having count(*) > 1 limit 10000
    ), gone as (
        delete from statement_change c using many m where c.worker_id = m.worker_id returning c.worker_id, c.weight
    ), folded as (
        insert into statement_change (worker_id, weight) select worker_id, sum(weight) from gone group by worker_id returning 1
    )
    select count(*) from folded
$$;
