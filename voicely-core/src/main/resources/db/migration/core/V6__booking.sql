-- Booking through Cal.com (API v2 and webhooks) and the reminders we send for bookings and lessons.
-- API keys and webhook secrets come from configuration, never from the database.

-- One row for the school (teacher_id null) and optionally one per teacher with their own Cal.com user.
create table calcom_config (
    id               uuid primary key default gen_random_uuid(),
    teacher_id       uuid references users (id) on delete cascade,
    username         text,
    api_base_url     text not null default 'https://api.cal.com/v2',
    booking_page_url text,
    time_zone        text not null default 'Asia/Jerusalem',
    enabled          boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint calcom_config_teacher_key unique nulls not distinct (teacher_id)
);

create table calcom_event_types (
    id             uuid primary key default gen_random_uuid(),
    -- Cal.com's numeric event type id.
    calcom_id      bigint not null,
    teacher_id     uuid references users (id) on delete set null,
    slug           text not null,
    title          text not null,
    description    text,
    -- Cal.com's length, whatever it is; lessons created from a booking use 20, 45 or 60.
    length_minutes integer not null check (length_minutes > 0),
    lesson_kind    text check (lesson_kind in ('private', 'group', 'workshop', 'trial')),
    active         boolean not null default true,
    raw            jsonb not null default '{}',
    synced_at      timestamptz,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint calcom_event_types_calcom_id_key unique (calcom_id)
);
create index calcom_event_types_teacher_id_idx on calcom_event_types (teacher_id);

create table calcom_bookings (
    id                   uuid primary key default gen_random_uuid(),
    -- Cal.com's booking uid: webhooks upsert on it, so redelivery and reschedule are idempotent.
    uid                  text not null,
    calcom_id            bigint,
    event_type_id        uuid references calcom_event_types (id) on delete set null,
    calcom_event_type_id bigint,
    lesson_id            uuid references lessons (id) on delete set null,
    -- Matched by attendee e-mail when the attendee has an account.
    student_id           uuid references users (id) on delete set null,
    teacher_id           uuid references users (id) on delete set null,
    attendee_email       text check (attendee_email = lower(attendee_email)),
    attendee_name        text,
    attendee_phone       text,
    title                text,
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    status               text not null default 'accepted'
                         check (status in ('accepted', 'pending', 'awaiting_host', 'cancelled', 'rejected', 'rescheduled')),
    -- A reschedule creates a new uid in Cal.com; keep the chain.
    rescheduled_from_uid text,
    cancellation_reason  text,
    location             text,
    meeting_url          text,
    -- Last webhook payload, for fields we do not model.
    payload              jsonb not null default '{}',
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint calcom_bookings_uid_key unique (uid),
    check (ends_at > starts_at)
);
create index calcom_bookings_starts_at_idx on calcom_bookings (starts_at);
create index calcom_bookings_event_type_id_idx on calcom_bookings (event_type_id);
create index calcom_bookings_lesson_id_idx on calcom_bookings (lesson_id);
create index calcom_bookings_student_idx on calcom_bookings (student_id, starts_at);
create index calcom_bookings_teacher_idx on calcom_bookings (teacher_id, starts_at);
create index calcom_bookings_attendee_email_idx on calcom_bookings (attendee_email);
create index calcom_bookings_rescheduled_from_uid_idx on calcom_bookings (rescheduled_from_uid);

-- Free slots fetched from Cal.com, kept briefly so the public booking page does not hit the API
-- on every view.
create table calcom_availability_cache (
    id            uuid primary key default gen_random_uuid(),
    event_type_id uuid not null references calcom_event_types (id) on delete cascade,
    range_start   timestamptz not null,
    range_end     timestamptz not null,
    time_zone     text not null default 'Asia/Jerusalem',
    slots         jsonb not null default '[]',
    fetched_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    check (range_end > range_start),
    constraint calcom_availability_cache_range_key unique (event_type_id, range_start, range_end, time_zone)
);
create index calcom_availability_cache_expires_at_idx on calcom_availability_cache (expires_at);

-- Reminders sent (or to send) for a booking or a lesson. The unique keys make "send once" hold
-- under retries and concurrent jobs: insert ... on conflict do nothing, then send only if inserted.
create table reminders (
    id            uuid primary key default gen_random_uuid(),
    booking_id    uuid references calcom_bookings (id) on delete cascade,
    lesson_id     uuid references lessons (id) on delete cascade,
    -- The recipient (required for lesson reminders: one per participant).
    user_id       uuid references users (id) on delete cascade,
    kind          text not null check (kind ~ '^[a-z0-9_]+$'),
    channel       text not null check (channel in ('email', 'whatsapp')),
    scheduled_for timestamptz not null,
    status        text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
    sent_at       timestamptz,
    error         text,
    created_at    timestamptz not null default now(),
    check (num_nonnulls(booking_id, lesson_id) = 1),
    check (lesson_id is null or user_id is not null),
    -- NULLs are distinct, so each key only binds the rows it applies to.
    constraint reminders_booking_kind_key unique (booking_id, kind),
    constraint reminders_lesson_user_kind_key unique (lesson_id, user_id, kind)
);
create index reminders_due_idx on reminders (scheduled_for) where status = 'pending';
create index reminders_lesson_id_idx on reminders (lesson_id);
create index reminders_user_id_idx on reminders (user_id);

create trigger calcom_config_touch before update on calcom_config
    for each row execute function voicely_touch_updated_at();
create trigger calcom_event_types_touch before update on calcom_event_types
    for each row execute function voicely_touch_updated_at();
create trigger calcom_bookings_touch before update on calcom_bookings
    for each row execute function voicely_touch_updated_at();

-- ---------------------------------------------------------------- row-level security
alter table calcom_config enable row level security;
alter table calcom_event_types enable row level security;
alter table calcom_bookings enable row level security;
alter table calcom_availability_cache enable row level security;
alter table reminders enable row level security;

-- calcom_config: staff read; a teacher edits their own row; admin all.
create policy calcom_config_select on calcom_config for select using (voicely_is_staff());
create policy calcom_config_update_own on calcom_config for update
    using (teacher_id = voicely_user_id() and voicely_is_staff())
    with check (teacher_id = voicely_user_id() and voicely_is_staff());
create policy calcom_config_admin on calcom_config for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- Event types and free slots are public (the booking page is); sync jobs write.
create policy calcom_event_types_select on calcom_event_types for select
    using (active or voicely_is_staff());
create policy calcom_event_types_write on calcom_event_types for all
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy calcom_availability_cache_select on calcom_availability_cache for select using (true);
create policy calcom_availability_cache_write on calcom_availability_cache for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- calcom_bookings: the student and teacher of a booking read it; webhooks and jobs ('system') write.
create policy calcom_bookings_select on calcom_bookings for select
    using (voicely_is_admin() or student_id = voicely_user_id() or teacher_id = voicely_user_id());
create policy calcom_bookings_write on calcom_bookings for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- reminders: the recipient reads; jobs write.
create policy reminders_select on reminders for select
    using (voicely_is_admin() or user_id = voicely_user_id());
create policy reminders_write on reminders for all
    using (voicely_is_admin()) with check (voicely_is_admin());

grant select, insert, update, delete on table
    calcom_config, calcom_event_types, calcom_bookings, calcom_availability_cache, reminders
    to ${app_role};
