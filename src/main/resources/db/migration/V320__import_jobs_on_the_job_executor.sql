-- Roster imports run as jobs of the engine's job executor (engine/BackgroundJobs), on whichever node takes them.
-- worker_token: the validation run that owns the batch's staged rows; a run that finds another token (a node
-- took the job over after this one's lock expired) stops and leaves the rows to it.
alter table import_batch add column worker_token varchar(36);

-- Rows written so far by a commit that is running: the commit's transaction holds the batch row locked until it
-- ends, so its progress is kept here, each chunk in a transaction of its own, for every node's progress page.
create table import_progress (
    batch_id    bigint    not null primary key references import_batch (id),
    done        integer   not null,
    updated_at  timestamp not null
);
