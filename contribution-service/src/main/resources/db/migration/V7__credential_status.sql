-- The status of each SD-JWT VC credential this service issued (Token Status List, 1 bit: 0 VALID,
-- 1 INVALID), at a random index of a list. What a credential states is the worker's record of one
-- scheme; the triggers below turn every VALID entry of that worker and scheme INVALID when that
-- record changes: a posting (a contribution, payment, reversal or transfer), a re-assessment, or a
-- change of the worker's enrollments in this service's copy. Nothing here names the person beyond
-- the worker id; the published lists carry bits only.
create table credential_status (
    list_id    integer     not null,
    idx        integer     not null check (idx >= 0),
    worker_id  uuid        not null,
    scheme     varchar(24) not null,
    status     smallint    not null default 0 check (status in (0, 1)),
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    primary key (list_id, idx)
);
create index credential_status_valid on credential_status (worker_id, scheme) where status = 0;

create function credential_status_of_postings() returns trigger language plpgsql as $$
begin
    update credential_status c set status = 1
      from (select distinct worker_id, scheme from changed) p
     where c.worker_id = p.worker_id and c.scheme = p.scheme and c.status = 0;
    return null;
end $$;
create trigger posting_invalidates_credentials after insert on posting
    referencing new table as changed for each statement execute function credential_status_of_postings();
create trigger assessment_invalidates_credentials after update on month_assessment
    referencing new table as changed for each statement execute function credential_status_of_postings();

create function credential_status_of_copy() returns trigger language plpgsql as $$
begin
    update credential_status c set status = 1
      from (select distinct worker_id from changed) w
     where c.worker_id = w.worker_id and c.status = 0;
    return null;
end $$;
create trigger copy_invalidates_credentials after update on insured_worker
    referencing new table as changed for each statement execute function credential_status_of_copy();
create trigger posting_update_invalidates_credentials after update on posting
    referencing new table as changed for each statement execute function credential_status_of_postings();
