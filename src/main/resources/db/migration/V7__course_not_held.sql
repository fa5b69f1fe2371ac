-- A course that nobody arrived for is closed as not held, with the reason the office gave.
alter table course add column not_held_reason varchar(1000);
