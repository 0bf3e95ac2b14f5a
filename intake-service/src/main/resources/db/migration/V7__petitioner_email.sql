-- The petitioner's email address, optional: where notices of the case may be sent (petitioner.contact.v1).
alter table petitioner add column email text;
