-- Gamification: achievement definitions, idempotent awards, leaderboards, streaks, processed
-- events and celebrations. Runs after the core migrations (users, groups, RLS helpers).
-- Awards, streaks and boards are written by the rules engine acting as 'system', never by students.

create table achievements (
    id             uuid primary key default gen_random_uuid(),
    code           text not null check (code ~ '^[a-z][a-z0-9_.-]*$'),
    title_he       text not null,
    title_en       text,
    description_he text,
    description_en text,
    icon           text,
    category       text,
    -- The declarative rule (YAML definitions are stored as their JSON equivalent),
    -- e.g. {"on":"recording.analyzed","count":10}.
    rule           jsonb not null check (jsonb_typeof(rule) = 'object'),
    stars          smallint not null default 1 check (stars between 0 and 3),
    sort_order     integer not null default 0,
    active         boolean not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint achievements_code_key unique (code)
);

-- unique (user_id, achievement_id): awarding twice is a no-op (insert ... on conflict do nothing).
create table user_achievements (
    id             uuid primary key default gen_random_uuid(),
    user_id        uuid not null references users (id) on delete cascade,
    achievement_id uuid not null references achievements (id) on delete cascade,
    awarded_at     timestamptz not null default now(),
    -- What earned it: the event id, counts, the recording...
    reason         jsonb not null default '{}' check (jsonb_typeof(reason) = 'object'),
    created_at     timestamptz not null default now(),
    constraint user_achievements_user_achievement_key unique (user_id, achievement_id)
);
create index user_achievements_achievement_id_idx on user_achievements (achievement_id);
create index user_achievements_user_awarded_idx on user_achievements (user_id, awarded_at);

-- One board per period, scope and metric, recomputed in SQL by a job.
create table leaderboards (
    id           uuid primary key default gen_random_uuid(),
    period       text not null check (period in ('weekly', 'monthly', 'all_time')),
    scope        text not null default 'school' check (scope in ('school', 'group')),
    group_id     uuid references groups (id) on delete cascade,
    metric       text not null default 'stars' check (metric in ('stars', 'xp', 'practice_minutes', 'streak')),
    -- Null for all_time.
    period_start date,
    period_end   date,
    computed_at  timestamptz,
    created_at   timestamptz not null default now(),
    check ((scope = 'group') = (group_id is not null)),
    check ((period = 'all_time') = (period_start is null)),
    check (period_end is null or period_end >= period_start),
    constraint leaderboards_board_key unique nulls not distinct (period, scope, group_id, metric, period_start)
);
create index leaderboards_group_id_idx on leaderboards (group_id);

-- display_name is a snapshot taken when the board is computed, so students can see each other's
-- names without reading profiles. The job leaves out users with profiles.leaderboard_opt_out.
create table leaderboard_entries (
    leaderboard_id uuid not null references leaderboards (id) on delete cascade,
    user_id        uuid not null references users (id) on delete cascade,
    rank           integer not null check (rank >= 1),
    score          numeric(12, 2) not null,
    display_name   text,
    primary key (leaderboard_id, user_id)
);
create index leaderboard_entries_rank_idx on leaderboard_entries (leaderboard_id, rank);
create index leaderboard_entries_user_id_idx on leaderboard_entries (user_id);

create table streaks (
    user_id           uuid primary key references users (id) on delete cascade,
    current_days      integer not null default 0 check (current_days >= 0),
    longest_days      integer not null default 0 check (longest_days >= current_days),
    -- The last practice day in the user's own time zone.
    last_day          date,
    freezes_available smallint not null default 0 check (freezes_available between 0 and 10),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

-- Domain events the engine has handled; the unique event_id makes redelivery a no-op.
create table gamification_events (
    id           bigint generated always as identity primary key,
    event_id     uuid not null,
    type         text not null,
    user_id      uuid references users (id) on delete cascade,
    payload      jsonb not null default '{}',
    occurred_at  timestamptz not null,
    processed_at timestamptz not null default now(),
    constraint gamification_events_event_id_key unique (event_id)
);
create index gamification_events_user_idx on gamification_events (user_id, occurred_at);

-- "You earned ..." shown once: seen_at is set when the user dismisses it.
create table celebrations (
    id             uuid primary key default gen_random_uuid(),
    user_id        uuid not null references users (id) on delete cascade,
    achievement_id uuid references achievements (id) on delete cascade,
    kind           text not null default 'achievement' check (kind in ('achievement', 'streak', 'level')),
    payload        jsonb not null default '{}',
    created_at     timestamptz not null default now(),
    seen_at        timestamptz,
    -- One celebration per award (NULL achievement ids, e.g. streak milestones, never conflict).
    constraint celebrations_user_achievement_key unique (user_id, achievement_id)
);
create index celebrations_unseen_idx on celebrations (user_id, created_at) where seen_at is null;
create index celebrations_achievement_id_idx on celebrations (achievement_id);

create trigger achievements_touch before update on achievements
    for each row execute function voicely_touch_updated_at();
create trigger streaks_touch before update on streaks
    for each row execute function voicely_touch_updated_at();

-- ---------------------------------------------------------------- row-level security
alter table achievements enable row level security;
alter table user_achievements enable row level security;
alter table leaderboards enable row level security;
alter table leaderboard_entries enable row level security;
alter table streaks enable row level security;
alter table gamification_events enable row level security;
alter table celebrations enable row level security;

-- Definitions: everyone reads; staff edit.
create policy achievements_select on achievements for select using (true);
create policy achievements_write on achievements for all
    using (voicely_is_staff()) with check (voicely_is_staff());

-- A user's awards and streak: the user, their teachers, admin; the engine writes.
create policy user_achievements_select on user_achievements for select
    using (user_id = voicely_user_id() or voicely_is_admin() or voicely_teaches(user_id));
create policy user_achievements_write on user_achievements for all
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy streaks_select on streaks for select
    using (user_id = voicely_user_id() or voicely_is_admin() or voicely_teaches(user_id));
create policy streaks_write on streaks for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- School boards: every signed-in user; group boards: members and the group's teacher; staff all.
create policy leaderboards_select on leaderboards for select
    using (voicely_is_staff()
           or (scope = 'school' and voicely_user_id() is not null)
           or (scope = 'group' and (voicely_in_group(group_id) or voicely_leads_group(group_id))));
create policy leaderboards_write on leaderboards for all
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy leaderboard_entries_select on leaderboard_entries for select
    using (exists (select 1 from leaderboards b where b.id = leaderboard_id));
create policy leaderboard_entries_write on leaderboard_entries for all
    using (voicely_is_admin()) with check (voicely_is_admin());

create policy gamification_events_all on gamification_events for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- celebrations: the user reads and marks seen; the engine creates.
create policy celebrations_select on celebrations for select
    using (user_id = voicely_user_id() or voicely_is_admin());
create policy celebrations_update on celebrations for update
    using (user_id = voicely_user_id() or voicely_is_admin())
    with check (user_id = voicely_user_id() or voicely_is_admin());
create policy celebrations_insert on celebrations for insert
    with check (voicely_is_admin());
create policy celebrations_delete on celebrations for delete
    using (voicely_is_admin());

grant select, insert, update, delete on table
    achievements, user_achievements, leaderboards, leaderboard_entries, streaks,
    gamification_events, celebrations
    to ${app_role};
grant usage, select on sequence gamification_events_id_seq to ${app_role};
