-- One row per start-up task that must not run on two cluster nodes at once (nodes lock it with select ... for update).
create table setup_lock (
    name varchar(40) primary key
);
insert into setup_lock (name) values ('access-setup');
