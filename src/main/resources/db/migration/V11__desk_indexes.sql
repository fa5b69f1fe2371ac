-- What the office's pages (/desk) filter and sort by: each list's filters, the default orders, and the look-ups of a
-- person's or a country's records. Plain column indexes, the same on H2 and PostgreSQL.

-- Requests and dispatches: status (and "open"), country, requesting body, ordered by start; experts deployed now.
create index dispatch_request_status_idx on dispatch_request (status);
create index dispatch_request_country_idx on dispatch_request (country_code);
create index dispatch_request_body_idx on dispatch_request (requesting_body);
create index dispatch_request_start_idx on dispatch_request (start_date);
create index dispatch_status_idx on dispatch (status, departure_date);

-- Roster: medical clearances expiring.
create index expert_clearance_idx on expert (medical_clearance_expires);

-- People: by name; one person's nominations and delegations.
create index person_name_idx on person (full_name);
create index nomination_person_idx on nomination (person_id);
create index delegate_person_idx on delegate (person_id);

-- Courses and meetings: by year (start date) and status; the courses and meetings a country was invited to.
create index course_start_idx on course (start_date);
create index course_status_idx on course (status);
create index course_invitation_country_idx on course_invitation (country_code);
create index meeting_start_idx on meeting (start_date);
create index meeting_status_idx on meeting (status);
create index meeting_invitation_country_idx on meeting_invitation (country_code);

-- Contributions: by status and start; the contributions for a country.
create index contribution_status_idx on contribution (status);
create index contribution_start_idx on contribution (start_date);
create index contribution_recipient_country_idx on contribution_recipient (country_code);
