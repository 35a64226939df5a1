-- Identity: accounts, roles, sessions, permissions, audit, e-mail tokens and the mail outbox.

create table users (
    id                uuid primary key default gen_random_uuid(),
    -- Stored lower-cased (no citext: vector is the only extension we rely on).
    email             text not null check (email = lower(email) and email like '%_@_%'),
    -- Null until an invited user sets a password.
    password_hash     text,
    -- The hash's algorithm and cost (e.g. Argon2id m/t/p), so parameters can be raised later.
    password_params   text,
    status            text not null default 'active' check (status in ('active', 'invited', 'disabled')),
    email_verified_at timestamptz,
    locale            text not null default 'he' check (locale in ('he', 'en')),
    time_zone         text not null default 'Asia/Jerusalem',
    -- Minors need a guardian's consent and are left off public boards.
    birth_date        date check (birth_date > date '1900-01-01'),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    last_login_at     timestamptz,
    constraint users_email_key unique (email)
);
create index users_status_idx on users (status);

create table profiles (
    user_id             uuid primary key references users (id) on delete cascade,
    display_name        text check (length(display_name) between 1 and 200),
    -- E.164, loosely: WhatsApp numbers arrive this way.
    phone               text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    avatar_blob_key     text,
    bio                 text,
    leaderboard_opt_out boolean not null default false,
    consent_at          timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index profiles_phone_idx on profiles (phone);

-- A user may hold several roles; the app picks the one a request acts in. Students have a row too.
create table user_roles (
    user_id    uuid not null references users (id) on delete cascade,
    role       text not null check (role in ('student', 'teacher', 'admin')),
    granted_at timestamptz not null default now(),
    granted_by uuid references users (id) on delete set null,
    primary key (user_id, role)
);
create index user_roles_role_idx on user_roles (role);
create index user_roles_granted_by_idx on user_roles (granted_by);

-- Server-side sessions, so any app instance can check a cookie. Only the token's hash is kept.
create table user_sessions (
    id           uuid primary key default gen_random_uuid(),
    user_id      uuid not null references users (id) on delete cascade,
    token_hash   text not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    last_seen_at timestamptz not null default now(),
    revoked_at   timestamptz,
    ip           inet,
    user_agent   text,
    constraint user_sessions_token_hash_key unique (token_hash),
    check (expires_at > created_at)
);
create index user_sessions_user_id_idx on user_sessions (user_id);
create index user_sessions_expires_at_idx on user_sessions (expires_at);

create table permissions (
    code        text primary key check (code ~ '^[a-z][a-z0-9_.]*$'),
    description text not null
);

create table role_permissions (
    role            text not null check (role in ('student', 'teacher', 'admin')),
    permission_code text not null references permissions (code) on delete cascade on update cascade,
    primary key (role, permission_code)
);
create index role_permissions_permission_code_idx on role_permissions (permission_code);

insert into permissions (code, description) values
    ('lessons.view_own',     'See own lessons, recordings and progress'),
    ('lessons.manage',       'Create, edit and cancel lessons; take attendance'),
    ('recordings.review',    'Listen to and comment on students'' recordings'),
    ('chat.agent',           'Answer conversations in the live-chat inbox'),
    ('leads.manage',         'See and work on leads'),
    ('content.manage',       'Manage exercises, achievements and the knowledge base'),
    ('users.manage',         'Invite, disable and change roles of users'),
    ('analytics.view',       'See school analytics and LLM usage'),
    ('settings.manage',      'Change integrations (WhatsApp, Cal.com) and school settings');
insert into role_permissions (role, permission_code) values
    ('student', 'lessons.view_own'),
    ('teacher', 'lessons.view_own'), ('teacher', 'lessons.manage'), ('teacher', 'recordings.review'),
    ('teacher', 'chat.agent'), ('teacher', 'leads.manage'), ('teacher', 'content.manage'),
    ('admin', 'lessons.view_own'), ('admin', 'lessons.manage'), ('admin', 'recordings.review'),
    ('admin', 'chat.agent'), ('admin', 'leads.manage'), ('admin', 'content.manage'),
    ('admin', 'users.manage'), ('admin', 'analytics.view'), ('admin', 'settings.manage');

-- Append-only. No foreign key on the actor: the record must outlive the account it names.
create table audit_log (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default now(),
    actor_user_id uuid,
    actor_role    text not null default voicely_role(),
    action        text not null check (action ~ '^[a-z][a-z0-9_.]*$'),
    target_type   text,
    target_id     text,
    ip            inet,
    user_agent    text,
    details       jsonb not null default '{}'
);
create index audit_log_occurred_at_idx on audit_log (occurred_at);
create index audit_log_actor_idx on audit_log (actor_user_id, occurred_at);
create index audit_log_target_idx on audit_log (target_type, target_id);

-- One-time links: e-mail verification, password reset, invitation. Only the token's hash is kept.
create table email_tokens (
    id         uuid primary key default gen_random_uuid(),
    user_id    uuid not null references users (id) on delete cascade,
    -- The address the link was sent to (may differ from users.email during an e-mail change).
    email      text not null check (email = lower(email)),
    purpose    text not null check (purpose in ('verify_email', 'password_reset', 'invitation')),
    token_hash text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz,
    constraint email_tokens_token_hash_key unique (token_hash),
    check (expires_at > created_at)
);
create index email_tokens_user_id_idx on email_tokens (user_id, purpose);
create index email_tokens_expires_at_idx on email_tokens (expires_at);

-- Outgoing mail. Without SMTP configured, mail stays here (sent_at null) for a developer to read.
create table outbox_mail (
    id         uuid primary key default gen_random_uuid(),
    to_address text not null check (to_address = lower(to_address)),
    user_id    uuid references users (id) on delete set null,
    subject    text not null,
    body_text  text not null,
    body_html  text,
    created_at timestamptz not null default now(),
    attempts   integer not null default 0 check (attempts >= 0),
    sent_at    timestamptz,
    error      text
);
create index outbox_mail_user_id_idx on outbox_mail (user_id);
create index outbox_mail_unsent_idx on outbox_mail (created_at) where sent_at is null;

create trigger users_touch before update on users
    for each row execute function voicely_touch_updated_at();
create trigger profiles_touch before update on profiles
    for each row execute function voicely_touch_updated_at();

-- Security-definer helper: is this user a teacher or admin? Lets a student read their teacher's
-- profile without being able to read user_roles in general.
create function voicely_is_staff_member(member uuid) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from user_roles r where r.user_id = member and r.role in ('teacher', 'admin'))
$$;
revoke execute on function voicely_is_staff_member(uuid) from public;
grant execute on function voicely_is_staff_member(uuid) to ${app_role};

-- ---------------------------------------------------------------- row-level security
alter table users enable row level security;
alter table profiles enable row level security;
alter table user_roles enable row level security;
alter table user_sessions enable row level security;
alter table permissions enable row level security;
alter table role_permissions enable row level security;
alter table audit_log enable row level security;
alter table email_tokens enable row level security;
alter table outbox_mail enable row level security;

-- users: own row; staff read all; only admin/system create, change others or delete.
-- Anonymous sees nothing; sign-in looks a user up by e-mail as 'system'.
create policy users_select on users for select
    using (id = voicely_user_id() or voicely_is_staff());
create policy users_insert on users for insert
    with check (voicely_is_admin());
create policy users_update on users for update
    using (id = voicely_user_id() or voicely_is_admin())
    with check (id = voicely_user_id() or voicely_is_admin());
create policy users_delete on users for delete
    using (voicely_is_admin());

-- profiles: own; staff read all; any signed-in user may read a teacher's profile (name, photo).
create policy profiles_select on profiles for select
    using (user_id = voicely_user_id() or voicely_is_staff()
           or (voicely_user_id() is not null and voicely_is_staff_member(user_id)));
create policy profiles_insert on profiles for insert
    with check (user_id = voicely_user_id() or voicely_is_admin());
create policy profiles_update on profiles for update
    using (user_id = voicely_user_id() or voicely_is_admin())
    with check (user_id = voicely_user_id() or voicely_is_admin());
create policy profiles_delete on profiles for delete
    using (voicely_is_admin());

-- user_roles: a user reads own roles, staff read all; only admin/system grant or revoke.
create policy user_roles_select on user_roles for select
    using (user_id = voicely_user_id() or voicely_is_staff());
create policy user_roles_write on user_roles for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- user_sessions: own rows (list devices, sign out), admin and system (cookie look-up).
create policy user_sessions_all on user_sessions for all
    using (user_id = voicely_user_id() or voicely_is_admin())
    with check (user_id = voicely_user_id() or voicely_is_admin());

-- Reference data: everyone reads, admin writes.
create policy permissions_select on permissions for select using (true);
create policy permissions_write on permissions for all
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy role_permissions_select on role_permissions for select using (true);
create policy role_permissions_write on role_permissions for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- audit_log: anyone may append (failed sign-ins are anonymous); only admin/system read.
-- No update or delete policy, and no such grant: the log is append-only.
-- Note: INSERT ... RETURNING needs the select policy too, so non-admins must not use RETURNING here.
create policy audit_log_insert on audit_log for insert with check (true);
create policy audit_log_select on audit_log for select using (voicely_is_admin());

-- Tokens and the outbox are machinery: admin and system only (links are redeemed as 'system').
create policy email_tokens_all on email_tokens for all
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy outbox_mail_all on outbox_mail for all
    using (voicely_is_admin()) with check (voicely_is_admin());

grant select, insert, update, delete on table
    users, profiles, user_roles, user_sessions, permissions, role_permissions, email_tokens, outbox_mail
    to ${app_role};
grant select, insert on table audit_log to ${app_role};
grant usage, select on sequence audit_log_id_seq to ${app_role};
