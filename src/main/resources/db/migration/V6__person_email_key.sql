-- Finding a person by e-mail (each nomination and delegate) scanned the whole table: lower(email) cannot use an
-- index on H2, and an expression index is PostgreSQL-only. The lower-cased address is kept beside it instead.
alter table person add column email_key varchar(200);
update person set email_key = lower(email);
create index person_email_key_idx on person (email_key);
