-- Languages (language/): the language each member of staff reads the office's mails in, as they last chose it (the
-- language switch of the office's pages); a member of staff with no row reads the office's default
-- (coopdesk.language.staff). An expert's correspondence language: the office writes their mails and letters in it (en or ja).
create table staff_language (
    user_id    varchar(255) primary key,
    language   varchar(8)   not null,
    chosen_at  timestamp    not null
);

alter table expert add column correspondence_language varchar(8) default 'en' not null;
