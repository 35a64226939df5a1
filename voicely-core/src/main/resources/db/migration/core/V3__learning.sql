-- Learning: groups, lessons (one-off and recurring), attendance, exercises, progress and insights.

create table groups (
    id          uuid primary key default gen_random_uuid(),
    name        text not null check (length(name) between 1 and 200),
    description text,
    teacher_id  uuid references users (id) on delete set null,
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index groups_teacher_id_idx on groups (teacher_id);

create table group_members (
    group_id  uuid not null references groups (id) on delete cascade,
    user_id    uuid not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (group_id, user_id)
);
create index group_members_user_id_idx on group_members (user_id);

-- A recurring series, described like a small RRULE (FREQ/INTERVAL/BYDAY/UNTIL/COUNT) and expanded
-- into lessons rows ahead of time; editing one occurrence edits that lesson only.
create table lesson_series (
    id               uuid primary key default gen_random_uuid(),
    teacher_id       uuid references users (id) on delete set null,
    group_id         uuid references groups (id) on delete set null,
    title            text not null,
    description      text,
    kind             text not null default 'private' check (kind in ('private', 'group', 'workshop', 'trial')),
    duration_minutes integer not null check (duration_minutes in (20, 45, 60)),
    capacity         integer check (capacity > 0),
    location         text,
    meeting_url      text,
    freq             text not null default 'weekly' check (freq in ('daily', 'weekly', 'monthly')),
    interval_count   integer not null default 1 check (interval_count between 1 and 52),
    -- ISO weekdays, 1 = Monday .. 7 = Sunday; null means the weekday of starts_on.
    by_weekday       smallint[] check (by_weekday <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
    start_time       time not null,
    -- Local wall-clock time: the series stays at 18:00 across daylight-saving changes.
    time_zone        text not null default 'Asia/Jerusalem',
    starts_on        date not null,
    until_date       date check (until_date >= starts_on),
    occurrence_count integer check (occurrence_count > 0),
    -- Skipped occurrences (holidays).
    exception_dates  date[] not null default '{}',
    active           boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index lesson_series_teacher_id_idx on lesson_series (teacher_id);
create index lesson_series_group_id_idx on lesson_series (group_id);

create table lessons (
    id               uuid primary key default gen_random_uuid(),
    series_id        uuid references lesson_series (id) on delete set null,
    teacher_id       uuid references users (id) on delete set null,
    group_id         uuid references groups (id) on delete set null,
    title            text not null,
    description      text,
    kind             text not null default 'private' check (kind in ('private', 'group', 'workshop', 'trial')),
    starts_at        timestamptz not null,
    duration_minutes integer not null check (duration_minutes in (20, 45, 60)),
    status           text not null default 'scheduled' check (status in ('scheduled', 'cancelled', 'completed')),
    capacity         integer check (capacity > 0),
    -- Open lessons are listed to every signed-in user, who may sign up or join the waitlist.
    is_open          boolean not null default false,
    location         text,
    meeting_url      text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    -- Expanding a series twice creates each occurrence once.
    constraint lessons_series_starts_at_key unique (series_id, starts_at)
);
create index lessons_teacher_starts_idx on lessons (teacher_id, starts_at);
create index lessons_group_id_idx on lessons (group_id);
create index lessons_starts_at_idx on lessons (starts_at);
create index lessons_open_idx on lessons (starts_at) where is_open and status = 'scheduled';

create table lesson_participants (
    lesson_id         uuid not null references lessons (id) on delete cascade,
    user_id           uuid not null references users (id) on delete cascade,
    status            text not null default 'enrolled' check (status in ('enrolled', 'waitlisted', 'cancelled')),
    -- 1 = next in line; set exactly when waitlisted.
    waitlist_position integer check (waitlist_position > 0),
    attendance        text check (attendance in ('attended', 'late', 'absent')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (lesson_id, user_id),
    check ((status = 'waitlisted') = (waitlist_position is not null)),
    -- Deferred so a whole waitlist can be renumbered in one transaction.
    constraint lesson_participants_waitlist_key unique (lesson_id, waitlist_position) deferrable initially deferred
);
create index lesson_participants_user_id_idx on lesson_participants (user_id);

-- Reference data written by staff.
create table vocal_exercises (
    id               uuid primary key default gen_random_uuid(),
    slug             text not null check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    title            text not null,
    description      text,
    category         text not null default 'general'
                     check (category in ('general', 'breathing', 'warmup', 'pitch', 'range', 'resonance', 'diction', 'repertoire')),
    difficulty       smallint not null default 1 check (difficulty between 1 and 5),
    duration_seconds integer check (duration_seconds > 0),
    -- Target notes / scale / tempo the analyser compares against.
    target           jsonb not null default '{}',
    audio_blob_key   text,
    active           boolean not null default true,
    created_by       uuid references users (id) on delete set null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint vocal_exercises_slug_key unique (slug)
);
create index vocal_exercises_created_by_idx on vocal_exercises (created_by);

-- Per user and exercise; written by the analysis job.
create table user_progress (
    id                uuid primary key default gen_random_uuid(),
    user_id           uuid not null references users (id) on delete cascade,
    exercise_id       uuid not null references vocal_exercises (id) on delete cascade,
    attempts          integer not null default 0 check (attempts >= 0),
    best_score        numeric(5, 2) check (best_score between 0 and 100),
    last_score        numeric(5, 2) check (last_score between 0 and 100),
    stars             smallint not null default 0 check (stars between 0 and 3),
    last_practiced_at timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint user_progress_user_exercise_key unique (user_id, exercise_id)
);
create index user_progress_exercise_id_idx on user_progress (exercise_id);

-- One row per user of running totals, so dashboards do not aggregate history on every page view.
create table user_stats (
    user_id            uuid primary key references users (id) on delete cascade,
    lessons_attended   integer not null default 0 check (lessons_attended >= 0),
    practice_seconds   bigint not null default 0 check (practice_seconds >= 0),
    recordings_count   integer not null default 0 check (recordings_count >= 0),
    exercises_completed integer not null default 0 check (exercises_completed >= 0),
    total_stars        integer not null default 0 check (total_stars >= 0),
    xp                 integer not null default 0 check (xp >= 0),
    last_practice_at   timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

-- Notes about a student, by a teacher (author_id) or by the AI (author_id null).
create table learning_insights (
    id                 uuid primary key default gen_random_uuid(),
    user_id            uuid not null references users (id) on delete cascade,
    author_id          uuid references users (id) on delete set null,
    lesson_id          uuid references lessons (id) on delete set null,
    kind               text not null check (kind in ('strength', 'improvement', 'goal', 'note', 'ai_summary')),
    title              text,
    body               text not null,
    data               jsonb not null default '{}',
    visible_to_student boolean not null default true,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index learning_insights_user_idx on learning_insights (user_id, created_at);
create index learning_insights_author_id_idx on learning_insights (author_id);
create index learning_insights_lesson_id_idx on learning_insights (lesson_id);

-- Secret calendar-feed URLs (/ics/<token>). Calendar clients fetch without a session, so the app
-- resolves the token as 'system'. Only a hash is kept: the URL is shown when (re)generated.
create table ics_feed_tokens (
    id           uuid primary key default gen_random_uuid(),
    user_id      uuid not null references users (id) on delete cascade,
    token_hash   text not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint ics_feed_tokens_token_hash_key unique (token_hash)
);
-- One live feed per user; regenerating revokes the old one.
create unique index ics_feed_tokens_one_active_idx on ics_feed_tokens (user_id) where revoked_at is null;
create index ics_feed_tokens_user_id_idx on ics_feed_tokens (user_id);

create trigger groups_touch before update on groups
    for each row execute function voicely_touch_updated_at();
create trigger lesson_series_touch before update on lesson_series
    for each row execute function voicely_touch_updated_at();
create trigger lessons_touch before update on lessons
    for each row execute function voicely_touch_updated_at();
create trigger lesson_participants_touch before update on lesson_participants
    for each row execute function voicely_touch_updated_at();
create trigger vocal_exercises_touch before update on vocal_exercises
    for each row execute function voicely_touch_updated_at();
create trigger user_progress_touch before update on user_progress
    for each row execute function voicely_touch_updated_at();
create trigger user_stats_touch before update on user_stats
    for each row execute function voicely_touch_updated_at();
create trigger learning_insights_touch before update on learning_insights
    for each row execute function voicely_touch_updated_at();

-- ---------------------------------------------------------------- relationship helpers
-- SECURITY DEFINER (run as the owner, who is not subject to these tables' RLS): policies on
-- lessons and participants refer to each other, and a policy that queried the other table under
-- RLS would recurse. Each answers one yes/no question about the current user only.

-- The current user is staff and teaches this student: in a lesson they teach or a group they lead.
create function voicely_teaches(student uuid) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select voicely_is_staff() and voicely_user_id() is not null and (
        exists (select 1
                  from lesson_participants p
                  join lessons l on l.id = p.lesson_id
                 where p.user_id = student and l.teacher_id = voicely_user_id())
        or exists (select 1
                     from group_members m
                     join groups g on g.id = m.group_id
                    where m.user_id = student and g.teacher_id = voicely_user_id()))
$$;

create function voicely_teaches_lesson(lesson uuid) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from lessons l where l.id = lesson and l.teacher_id = voicely_user_id())
$$;

create function voicely_attends_lesson(lesson uuid) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from lesson_participants p
                    where p.lesson_id = lesson and p.user_id = voicely_user_id())
$$;

create function voicely_in_group(grp uuid) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from group_members m where m.group_id = grp and m.user_id = voicely_user_id())
$$;

create function voicely_leads_group(grp uuid) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from groups g where g.id = grp and g.teacher_id = voicely_user_id())
$$;

-- A student may sign up for a scheduled lesson that is open or belongs to one of their groups.
create function voicely_can_join_lesson(lesson uuid) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from lessons l
                    where l.id = lesson and l.status = 'scheduled'
                      and (l.is_open or exists (select 1 from group_members m
                                                 where m.group_id = l.group_id
                                                   and m.user_id = voicely_user_id())))
$$;

revoke execute on function
    voicely_teaches(uuid), voicely_teaches_lesson(uuid), voicely_attends_lesson(uuid),
    voicely_in_group(uuid), voicely_leads_group(uuid), voicely_can_join_lesson(uuid)
    from public;
grant execute on function
    voicely_teaches(uuid), voicely_teaches_lesson(uuid), voicely_attends_lesson(uuid),
    voicely_in_group(uuid), voicely_leads_group(uuid), voicely_can_join_lesson(uuid)
    to ${app_role};

-- ---------------------------------------------------------------- row-level security
alter table groups enable row level security;
alter table group_members enable row level security;
alter table lesson_series enable row level security;
alter table lessons enable row level security;
alter table lesson_participants enable row level security;
alter table vocal_exercises enable row level security;
alter table user_progress enable row level security;
alter table user_stats enable row level security;
alter table learning_insights enable row level security;
alter table ics_feed_tokens enable row level security;

-- groups: staff read all, members read theirs; admin or the group's teacher write.
create policy groups_select on groups for select
    using (voicely_is_staff() or voicely_in_group(id));
create policy groups_insert on groups for insert
    with check (voicely_is_admin() or (voicely_is_staff() and teacher_id = voicely_user_id()));
create policy groups_update on groups for update
    using (voicely_is_admin() or teacher_id = voicely_user_id())
    with check (voicely_is_admin() or teacher_id = voicely_user_id());
create policy groups_delete on groups for delete
    using (voicely_is_admin() or teacher_id = voicely_user_id());

-- group_members: own membership; the group's teacher and admin manage.
create policy group_members_select on group_members for select
    using (user_id = voicely_user_id() or voicely_is_admin() or voicely_leads_group(group_id));
create policy group_members_write on group_members for all
    using (voicely_is_admin() or voicely_leads_group(group_id))
    with check (voicely_is_admin() or voicely_leads_group(group_id));

-- lesson_series: the teacher's own and admin; group members may read their group's series.
create policy lesson_series_select on lesson_series for select
    using (voicely_is_admin() or teacher_id = voicely_user_id()
           or (group_id is not null and voicely_in_group(group_id)));
create policy lesson_series_insert on lesson_series for insert
    with check (voicely_is_admin() or (voicely_is_staff() and teacher_id = voicely_user_id()));
create policy lesson_series_update on lesson_series for update
    using (voicely_is_admin() or teacher_id = voicely_user_id())
    with check (voicely_is_admin() or teacher_id = voicely_user_id());
create policy lesson_series_delete on lesson_series for delete
    using (voicely_is_admin() or teacher_id = voicely_user_id());

-- lessons: admin all; a teacher the lessons they teach; a student the lessons they are in,
-- their groups' lessons, and open lessons.
create policy lessons_select on lessons for select
    using (voicely_is_admin()
           or teacher_id = voicely_user_id()
           or voicely_attends_lesson(id)
           or (group_id is not null and voicely_in_group(group_id))
           or (is_open and voicely_user_id() is not null));
create policy lessons_insert on lessons for insert
    with check (voicely_is_admin() or (voicely_is_staff() and teacher_id = voicely_user_id()));
create policy lessons_update on lessons for update
    using (voicely_is_admin() or teacher_id = voicely_user_id())
    with check (voicely_is_admin() or teacher_id = voicely_user_id());
create policy lessons_delete on lessons for delete
    using (voicely_is_admin() or teacher_id = voicely_user_id());

-- lesson_participants: a student sees and cancels (deletes) their own row and may sign up for a
-- joinable lesson without setting attendance; the lesson's teacher and admin manage everything
-- (attendance, waitlist promotion).
create policy lesson_participants_select on lesson_participants for select
    using (user_id = voicely_user_id() or voicely_is_admin() or voicely_teaches_lesson(lesson_id));
create policy lesson_participants_insert on lesson_participants for insert
    with check (voicely_is_admin() or voicely_teaches_lesson(lesson_id)
                or (user_id = voicely_user_id() and attendance is null
                    and status in ('enrolled', 'waitlisted') and voicely_can_join_lesson(lesson_id)));
create policy lesson_participants_update on lesson_participants for update
    using (voicely_is_admin() or voicely_teaches_lesson(lesson_id))
    with check (voicely_is_admin() or voicely_teaches_lesson(lesson_id));
create policy lesson_participants_delete on lesson_participants for delete
    using (user_id = voicely_user_id() or voicely_is_admin() or voicely_teaches_lesson(lesson_id));

-- vocal_exercises: reference data; everyone reads, staff write.
create policy vocal_exercises_select on vocal_exercises for select using (true);
create policy vocal_exercises_write on vocal_exercises for all
    using (voicely_is_staff()) with check (voicely_is_staff());

-- user_progress, user_stats: the student, their teachers and admin read; written by jobs
-- (system) or admin, so a student cannot award themselves stars.
create policy user_progress_select on user_progress for select
    using (user_id = voicely_user_id() or voicely_is_admin() or voicely_teaches(user_id));
create policy user_progress_write on user_progress for all
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy user_stats_select on user_stats for select
    using (user_id = voicely_user_id() or voicely_is_admin() or voicely_teaches(user_id));
create policy user_stats_write on user_stats for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- learning_insights: the student sees those marked visible; the author, the student's teachers
-- and admin see all. Teachers write about students they teach; authors edit their own.
create policy learning_insights_select on learning_insights for select
    using (voicely_is_admin()
           or author_id = voicely_user_id()
           or voicely_teaches(user_id)
           or (user_id = voicely_user_id() and visible_to_student));
create policy learning_insights_insert on learning_insights for insert
    with check (voicely_is_admin() or (author_id = voicely_user_id() and voicely_teaches(user_id)));
create policy learning_insights_update on learning_insights for update
    using (voicely_is_admin() or author_id = voicely_user_id())
    with check (voicely_is_admin() or author_id = voicely_user_id());
create policy learning_insights_delete on learning_insights for delete
    using (voicely_is_admin() or author_id = voicely_user_id());

-- ics_feed_tokens: own and admin/system.
create policy ics_feed_tokens_all on ics_feed_tokens for all
    using (user_id = voicely_user_id() or voicely_is_admin())
    with check (user_id = voicely_user_id() or voicely_is_admin());

grant select, insert, update, delete on table
    groups, group_members, lesson_series, lessons, lesson_participants, vocal_exercises,
    user_progress, user_stats, learning_insights, ics_feed_tokens
    to ${app_role};
