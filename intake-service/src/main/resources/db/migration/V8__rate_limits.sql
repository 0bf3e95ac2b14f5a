-- Rate limits (RateLimits): requests counted per bucket (rule, kind and a keyed hash of the account,
-- client address or client id: no personal data in clear) in fixed windows. One upsert per request;
-- rows whose window has ended are deleted by the housekeeping. Updates touch no indexed column, so
-- they stay heap-only (HOT).
create table rate_limit_window (
    bucket       text        not null,
    window_start timestamptz not null,
    window_end   timestamptz not null,
    hits         integer     not null,
    primary key (bucket, window_start)
) with (fillfactor = 70);

-- Public tracking lock-out (TrackingLockout): consecutive wrong query secrets per tracking code (by its
-- SHA-256: codes that do not exist are counted alike, so that a lock reveals nothing).
create table tracking_lockout (
    code_hash       text        primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);
