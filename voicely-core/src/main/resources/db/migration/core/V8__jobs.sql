-- Durable background work (transcription, analysis, Drive sync, crawls, reminders, outbound
-- WhatsApp) runs on db-scheduler, which keeps its queue in this table (its documented PostgreSQL
-- layout). Several app instances poll it; a row is picked by one of them with optimistic locking.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- The scheduler polls through the application pool without a user context, so its policy cannot
-- depend on voicely.role. The queue holds job references (ids), not people's data; only the
-- application role can reach it, and no request handler reads it.
alter table scheduled_tasks enable row level security;
create policy scheduled_tasks_app on scheduled_tasks for all to ${app_role} using (true) with check (true);
grant select, insert, update, delete on scheduled_tasks to ${app_role};
