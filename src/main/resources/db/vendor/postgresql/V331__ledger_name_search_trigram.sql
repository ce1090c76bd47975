-- PostgreSQL only (spring.flyway.locations: db/vendor/{vendor}): the ledger's name search is a substring search
-- (like '%name%'); a trigram index finds the members without reading every member. pg_trgm ships with
-- PostgreSQL and is a trusted extension (the database owner may create it).
create extension if not exists pg_trgm;
create index household_member_name_trgm_idx on household_member using gin (name gin_trgm_ops);
