-- Chat additions: how far each participant has read a conversation, for unread counts.
-- A marker only moves forward (the code writes greatest(old, new)), so a stale tab cannot
-- make read messages unread again.
create table chat_read_markers (
    session_id           uuid not null references chat_sessions (id) on delete cascade,
    user_id              uuid not null references users (id) on delete cascade,
    last_read_message_id bigint not null default 0 check (last_read_message_id >= 0),
    updated_at           timestamptz not null default now(),
    primary key (session_id, user_id)
);
create index chat_read_markers_user_id_idx on chat_read_markers (user_id);

create trigger chat_read_markers_touch before update on chat_read_markers
    for each row execute function voicely_touch_updated_at();

alter table chat_read_markers enable row level security;

-- Each person keeps their own markers, and only on conversations they can see (the subquery is
-- itself filtered by chat_sessions' policies). Admin and system may tidy up.
create policy chat_read_markers_own on chat_read_markers for all
    using (user_id = voicely_user_id() or voicely_is_admin())
    with check ((user_id = voicely_user_id() or voicely_is_admin())
                and exists (select 1 from chat_sessions s where s.id = session_id));

grant select, insert, update, delete on table chat_read_markers to ${app_role};
