-- GET /api/petitions: pages in reception order (newest first by default).
create index petition_received on petition (received_at desc, id desc);
