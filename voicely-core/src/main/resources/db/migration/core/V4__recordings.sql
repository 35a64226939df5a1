-- Recordings and what is derived from them. Audio lives in the BlobStore; rows keep metadata and
-- a SHA-256 so a blob can be verified and de-duplicated.

-- Registry of stored blobs (recordings, voice messages, avatars, chat media), for integrity checks
-- and garbage collection of unreferenced blobs. Keyed by the BlobStore key.
create table blobs (
    key           text primary key,
    sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes    bigint not null check (size_bytes >= 0),
    mime_type     text not null,
    owner_user_id uuid references users (id) on delete set null,
    created_at    timestamptz not null default now()
);
create index blobs_owner_user_id_idx on blobs (owner_user_id);
create index blobs_sha256_idx on blobs (sha256);

-- user_id is the owner: the student who practised, or the teacher who recorded a lesson.
create table recordings (
    id          uuid primary key default gen_random_uuid(),
    user_id     uuid not null references users (id) on delete cascade,
    lesson_id   uuid references lessons (id) on delete set null,
    exercise_id uuid references vocal_exercises (id) on delete set null,
    source      text not null default 'practice' check (source in ('practice', 'lesson', 'whatsapp', 'upload')),
    title       text,
    -- Not unique: a content-addressed store may give two uploads of the same bytes one key.
    blob_key    text not null,
    sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    mime_type   text not null,
    duration_ms integer check (duration_ms >= 0),
    size_bytes  bigint not null check (size_bytes >= 0),
    status      text not null default 'uploaded' check (status in ('uploaded', 'processing', 'analyzed', 'failed')),
    error       text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index recordings_user_created_idx on recordings (user_id, created_at);
create index recordings_lesson_id_idx on recordings (lesson_id);
create index recordings_exercise_id_idx on recordings (exercise_id);
create index recordings_blob_key_idx on recordings (blob_key);
create index recordings_pending_idx on recordings (created_at) where status in ('uploaded', 'processing');

-- Who else a recording belongs to: e.g. a group-lesson recording shared with every participant.
create table user_recordings (
    recording_id uuid not null references recordings (id) on delete cascade,
    user_id      uuid not null references users (id) on delete cascade,
    relation     text not null default 'shared' check (relation in ('participant', 'shared')),
    shared_by    uuid references users (id) on delete set null,
    created_at   timestamptz not null default now(),
    primary key (recording_id, user_id)
);
create index user_recordings_user_id_idx on user_recordings (user_id);
create index user_recordings_shared_by_idx on user_recordings (shared_by);

create table transcriptions (
    id           uuid primary key default gen_random_uuid(),
    recording_id uuid not null references recordings (id) on delete cascade,
    language     text,
    model        text,
    text         text not null,
    -- [{"startMs":0,"endMs":1200,"text":"..."}, ...]
    segments     jsonb not null default '[]' check (jsonb_typeof(segments) = 'array'),
    created_at   timestamptz not null default now()
);
create index transcriptions_recording_id_idx on transcriptions (recording_id);

create table ai_analysis (
    id           uuid primary key default gen_random_uuid(),
    recording_id uuid not null references recordings (id) on delete cascade,
    kind         text not null default 'voice' check (kind in ('voice', 'pitch', 'transcript', 'feedback')),
    model        text,
    score        numeric(5, 2) check (score between 0 and 100),
    report       jsonb not null check (jsonb_typeof(report) = 'object'),
    created_at   timestamptz not null default now()
);
create index ai_analysis_recording_id_idx on ai_analysis (recording_id, kind);

-- Voice notes between two people (teacher and student).
create table voice_messages (
    id           uuid primary key default gen_random_uuid(),
    sender_id    uuid not null references users (id) on delete cascade,
    recipient_id uuid not null references users (id) on delete cascade,
    lesson_id    uuid references lessons (id) on delete set null,
    blob_key     text not null,
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    mime_type    text not null,
    duration_ms  integer check (duration_ms >= 0),
    size_bytes   bigint not null check (size_bytes >= 0),
    transcript   text,
    listened_at  timestamptz,
    created_at   timestamptz not null default now(),
    check (sender_id <> recipient_id)
);
create index voice_messages_sender_idx on voice_messages (sender_id, created_at);
create index voice_messages_recipient_idx on voice_messages (recipient_id, created_at);
create index voice_messages_lesson_id_idx on voice_messages (lesson_id);

create trigger recordings_touch before update on recordings
    for each row execute function voicely_touch_updated_at();

-- Definer helpers: recordings' policy asks user_recordings and the other way round.
create function voicely_owns_recording(rec uuid) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from recordings r where r.id = rec and r.user_id = voicely_user_id())
$$;

create function voicely_shared_recording(rec uuid) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from user_recordings u where u.recording_id = rec and u.user_id = voicely_user_id())
$$;

revoke execute on function voicely_owns_recording(uuid), voicely_shared_recording(uuid) from public;
grant execute on function voicely_owns_recording(uuid), voicely_shared_recording(uuid) to ${app_role};

-- ---------------------------------------------------------------- row-level security
alter table blobs enable row level security;
alter table recordings enable row level security;
alter table user_recordings enable row level security;
alter table transcriptions enable row level security;
alter table ai_analysis enable row level security;
alter table voice_messages enable row level security;

-- blobs: the owner, the owner's teachers and admin read; the owner or admin register and delete.
create policy blobs_select on blobs for select
    using (owner_user_id = voicely_user_id() or voicely_is_admin() or voicely_teaches(owner_user_id));
create policy blobs_insert on blobs for insert
    with check (owner_user_id = voicely_user_id() or voicely_is_admin());
create policy blobs_update on blobs for update
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy blobs_delete on blobs for delete
    using (owner_user_id = voicely_user_id() or voicely_is_admin());

-- recordings: owner, admin, the owner's teachers, and users it is shared with read;
-- the owner and admin write (status changes come from the analysis job as 'system').
create policy recordings_select on recordings for select
    using (user_id = voicely_user_id()
           or voicely_is_admin()
           or voicely_teaches(user_id)
           or voicely_shared_recording(id));
create policy recordings_insert on recordings for insert
    with check (user_id = voicely_user_id() or voicely_is_admin());
create policy recordings_update on recordings for update
    using (user_id = voicely_user_id() or voicely_is_admin())
    with check (user_id = voicely_user_id() or voicely_is_admin());
create policy recordings_delete on recordings for delete
    using (user_id = voicely_user_id() or voicely_is_admin());

-- user_recordings: the person it is shared with sees the share; the recording's owner and admin manage.
create policy user_recordings_select on user_recordings for select
    using (user_id = voicely_user_id() or voicely_is_admin() or voicely_owns_recording(recording_id));
create policy user_recordings_write on user_recordings for all
    using (voicely_is_admin() or voicely_owns_recording(recording_id))
    with check (voicely_is_admin() or voicely_owns_recording(recording_id));

-- transcriptions, ai_analysis: visible exactly when the recording is (the sub-select runs under
-- recordings' own policies); written by jobs ('system') or admin.
create policy transcriptions_select on transcriptions for select
    using (exists (select 1 from recordings r where r.id = recording_id));
create policy transcriptions_write on transcriptions for all
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy ai_analysis_select on ai_analysis for select
    using (exists (select 1 from recordings r where r.id = recording_id));
create policy ai_analysis_write on ai_analysis for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- voice_messages: sender and recipient read; the sender sends and deletes; the recipient marks listened.
create policy voice_messages_select on voice_messages for select
    using (sender_id = voicely_user_id() or recipient_id = voicely_user_id() or voicely_is_admin());
create policy voice_messages_insert on voice_messages for insert
    with check (sender_id = voicely_user_id() or voicely_is_admin());
create policy voice_messages_update on voice_messages for update
    using (sender_id = voicely_user_id() or recipient_id = voicely_user_id() or voicely_is_admin())
    with check (sender_id = voicely_user_id() or recipient_id = voicely_user_id() or voicely_is_admin());
create policy voice_messages_delete on voice_messages for delete
    using (sender_id = voicely_user_id() or voicely_is_admin());

grant select, insert, update, delete on table
    blobs, recordings, user_recordings, transcriptions, ai_analysis, voice_messages
    to ${app_role};
