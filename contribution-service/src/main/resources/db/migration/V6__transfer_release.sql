-- A release of a transfer that holds nothing (its hold request has not arrived, or never will) is
-- remembered: a hold request of that transfer arriving late then answers RELEASED and holds nothing,
-- so no hold is left behind that nobody releases.
create table transfer_release (
    transfer_id uuid        primary key,
    released_at timestamptz not null
);
