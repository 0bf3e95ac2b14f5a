-- Daily limits per recipient (DeliveryLimits): messages per channel and address and day. The address is
-- kept only as a keyed hash (SHA-256 of this database's random key, the channel and the address), so the
-- table holds no phone number or email address in clear.
create table delivery_limit_key (
    key text not null
);
insert into delivery_limit_key (key) values (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

create table delivery_quota (
    recipient_hash text    not null,
    day            date    not null,
    used           integer not null,
    primary key (recipient_hash, day)
);
