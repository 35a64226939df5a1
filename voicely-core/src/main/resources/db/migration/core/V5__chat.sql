-- Chat on every channel: one chat_sessions row per conversation (web, widget, WhatsApp, Telegram),
-- its chat_messages, leads captured from it, and the inbox's tags and quick replies.
-- Anonymous widget visitors are served by the app acting as 'system', so there is no anonymous policy.

-- Access token and app secret come from configuration, never from the database.
create table whatsapp_accounts (
    id                   uuid primary key default gen_random_uuid(),
    phone_number_id      text not null,
    business_account_id  text,
    display_phone_number text,
    display_name         text,
    active               boolean not null default true,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint whatsapp_accounts_phone_number_id_key unique (phone_number_id)
);

create table whatsapp_templates (
    id          uuid primary key default gen_random_uuid(),
    account_id  uuid not null references whatsapp_accounts (id) on delete cascade,
    name        text not null,
    language    text not null,
    category    text check (category in ('marketing', 'utility', 'authentication')),
    -- As reported by Meta, lower-cased (approved, pending, rejected, paused, ...); Meta adds values.
    status      text not null default 'pending',
    components  jsonb not null default '[]' check (jsonb_typeof(components) = 'array'),
    synced_at   timestamptz,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint whatsapp_templates_account_name_language_key unique (account_id, name, language)
);

-- One lead per widget visitor: capturing twice updates the same row (ON CONFLICT (visitor_key)).
-- Leads from WhatsApp or by hand have no visitor_key (NULLs never conflict).
create table leads (
    id          uuid primary key default gen_random_uuid(),
    visitor_key text,
    name        text,
    email       text check (email = lower(email)),
    phone       text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    source      text not null default 'widget'
                check (source in ('web', 'widget', 'whatsapp', 'telegram', 'calcom', 'manual')),
    interest    text,
    message     text,
    status      text not null default 'new'
                check (status in ('new', 'contacted', 'qualified', 'converted', 'lost')),
    user_id     uuid references users (id) on delete set null,
    assignee_id uuid references users (id) on delete set null,
    metadata    jsonb not null default '{}',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint leads_visitor_key_key unique (visitor_key)
);
create index leads_status_idx on leads (status, created_at);
create index leads_email_idx on leads (email);
create index leads_phone_idx on leads (phone);
create index leads_user_id_idx on leads (user_id);
create index leads_assignee_id_idx on leads (assignee_id);

create table chat_sessions (
    id                  uuid primary key default gen_random_uuid(),
    channel             text not null check (channel in ('web', 'widget', 'whatsapp', 'telegram')),
    -- bot: the assistant answers; pending: waiting for a person; open: an agent has it; resolved: closed.
    state               text not null default 'bot' check (state in ('bot', 'pending', 'open', 'resolved')),
    -- The signed-in user on our side, when known.
    user_id             uuid references users (id) on delete set null,
    -- Widget visitor cookie id.
    visitor_key         text,
    -- The contact's id on the channel: WhatsApp wa_id, Telegram chat id.
    external_contact_id text,
    contact_name        text,
    contact_phone       text check (contact_phone ~ '^\+[1-9][0-9]{6,14}$'),
    contact_email       text check (contact_email = lower(contact_email)),
    locale              text not null default 'he' check (locale in ('he', 'en')),
    assignee_id         uuid references users (id) on delete set null,
    lead_id             uuid references leads (id) on delete set null,
    whatsapp_account_id uuid references whatsapp_accounts (id) on delete set null,
    last_message_at     timestamptz,
    -- WhatsApp allows free-form replies only within 24 h of the contact's last message.
    last_inbound_at     timestamptz,
    resolved_at         timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
-- At most one live conversation per channel contact, so concurrent webhooks find the same one.
create unique index chat_sessions_live_contact_idx on chat_sessions (channel, external_contact_id)
    where external_contact_id is not null and state <> 'resolved';
create index chat_sessions_inbox_idx on chat_sessions (state, last_message_at desc);
create index chat_sessions_user_id_idx on chat_sessions (user_id);
create index chat_sessions_visitor_key_idx on chat_sessions (visitor_key);
create index chat_sessions_assignee_id_idx on chat_sessions (assignee_id);
create index chat_sessions_lead_id_idx on chat_sessions (lead_id);
create index chat_sessions_whatsapp_account_id_idx on chat_sessions (whatsapp_account_id);

-- bigint identity ids: a reconnecting client asks for "messages after id N".
create table chat_messages (
    id                  bigint generated always as identity primary key,
    session_id          uuid not null references chat_sessions (id) on delete cascade,
    direction           text not null check (direction in ('inbound', 'outbound')),
    sender_type         text not null check (sender_type in ('visitor', 'bot', 'agent', 'system')),
    sender_user_id      uuid references users (id) on delete set null,
    -- note: internal agent note, never shown to the visitor.
    message_type        text not null default 'text'
                        check (message_type in ('text', 'voice', 'image', 'interactive', 'template', 'note')),
    body                text,
    -- Media blob keys, buttons, template parameters, citations...
    payload             jsonb not null default '{}' check (jsonb_typeof(payload) = 'object'),
    -- The provider's message id (WhatsApp wamid): a redelivered webhook is stored once.
    -- A plain UNIQUE allows many NULLs and works with ON CONFLICT (provider_message_id).
    provider_message_id text,
    -- Outbound delivery as reported by the provider; null for inbound messages and notes.
    delivery_status     text check (delivery_status in ('pending', 'sent', 'delivered', 'read', 'failed')),
    error               text,
    created_at          timestamptz not null default now(),
    status_updated_at   timestamptz,
    constraint chat_messages_provider_message_id_key unique (provider_message_id)
);
create index chat_messages_session_idx on chat_messages (session_id, id);
create index chat_messages_sender_user_id_idx on chat_messages (sender_user_id);

create table tags (
    id         uuid primary key default gen_random_uuid(),
    name       text not null check (length(name) between 1 and 60),
    color      text check (color ~ '^#[0-9a-fA-F]{6}$'),
    created_at timestamptz not null default now(),
    constraint tags_name_key unique (name)
);

-- A tag on a conversation or on a lead (exactly one of them).
create table contact_tags (
    id         uuid primary key default gen_random_uuid(),
    tag_id     uuid not null references tags (id) on delete cascade,
    session_id uuid references chat_sessions (id) on delete cascade,
    lead_id    uuid references leads (id) on delete cascade,
    created_by uuid references users (id) on delete set null,
    created_at timestamptz not null default now(),
    check (num_nonnulls(session_id, lead_id) = 1),
    constraint contact_tags_session_key unique (tag_id, session_id),
    constraint contact_tags_lead_key unique (tag_id, lead_id)
);
create index contact_tags_session_id_idx on contact_tags (session_id);
create index contact_tags_lead_id_idx on contact_tags (lead_id);
create index contact_tags_created_by_idx on contact_tags (created_by);

create table quick_replies (
    id         uuid primary key default gen_random_uuid(),
    -- Typed after '/' in the inbox.
    shortcut   text not null check (shortcut ~ '^\S{1,50}$'),
    title      text,
    body       text not null,
    locale     text not null default 'he' check (locale in ('he', 'en')),
    created_by uuid references users (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint quick_replies_shortcut_key unique (shortcut)
);
create index quick_replies_created_by_idx on quick_replies (created_by);

-- Raw inbound webhooks, stored before parsing (signatures cover the raw bytes) and processed by a
-- job. The provider's event id (or a hash of the body where it has none) makes redelivery a no-op.
create table webhook_events (
    id              bigint generated always as identity primary key,
    provider        text not null check (provider in ('whatsapp', 'calcom', 'telegram')),
    external_id     text not null,
    event_type      text,
    headers         jsonb not null default '{}',
    raw_body        bytea not null,
    signature_valid boolean,
    received_at     timestamptz not null default now(),
    processed_at    timestamptz,
    attempts        integer not null default 0 check (attempts >= 0),
    error           text,
    constraint webhook_events_provider_external_id_key unique (provider, external_id)
);
create index webhook_events_unprocessed_idx on webhook_events (received_at) where processed_at is null;

create trigger whatsapp_accounts_touch before update on whatsapp_accounts
    for each row execute function voicely_touch_updated_at();
create trigger whatsapp_templates_touch before update on whatsapp_templates
    for each row execute function voicely_touch_updated_at();
create trigger leads_touch before update on leads
    for each row execute function voicely_touch_updated_at();
create trigger chat_sessions_touch before update on chat_sessions
    for each row execute function voicely_touch_updated_at();
create trigger quick_replies_touch before update on quick_replies
    for each row execute function voicely_touch_updated_at();

-- ---------------------------------------------------------------- row-level security
alter table whatsapp_accounts enable row level security;
alter table whatsapp_templates enable row level security;
alter table leads enable row level security;
alter table chat_sessions enable row level security;
alter table chat_messages enable row level security;
alter table tags enable row level security;
alter table contact_tags enable row level security;
alter table quick_replies enable row level security;
alter table webhook_events enable row level security;

-- chat_sessions: staff see and handle every conversation; a signed-in user their own.
create policy chat_sessions_select on chat_sessions for select
    using (voicely_is_staff() or user_id = voicely_user_id());
create policy chat_sessions_insert on chat_sessions for insert
    with check (voicely_is_staff() or user_id = voicely_user_id());
create policy chat_sessions_update on chat_sessions for update
    using (voicely_is_staff() or user_id = voicely_user_id())
    with check (voicely_is_staff() or user_id = voicely_user_id());
create policy chat_sessions_delete on chat_sessions for delete
    using (voicely_is_admin());

-- chat_messages: staff all; a user reads their own conversations except internal notes, and may
-- add visitor messages (and the assistant's replies produced in their request) to them.
create policy chat_messages_select on chat_messages for select
    using (voicely_is_staff()
           or (message_type <> 'note'
               and exists (select 1 from chat_sessions s
                            where s.id = session_id and s.user_id = voicely_user_id())));
create policy chat_messages_insert on chat_messages for insert
    with check (voicely_is_staff()
                or (message_type <> 'note' and sender_type in ('visitor', 'bot')
                    and exists (select 1 from chat_sessions s
                                 where s.id = session_id and s.user_id = voicely_user_id())));
create policy chat_messages_update on chat_messages for update
    using (voicely_is_staff()) with check (voicely_is_staff());
create policy chat_messages_delete on chat_messages for delete
    using (voicely_is_admin());

-- Inbox tools: staff only.
create policy leads_all on leads for all
    using (voicely_is_staff()) with check (voicely_is_staff());
create policy tags_all on tags for all
    using (voicely_is_staff()) with check (voicely_is_staff());
create policy contact_tags_all on contact_tags for all
    using (voicely_is_staff()) with check (voicely_is_staff());
create policy quick_replies_all on quick_replies for all
    using (voicely_is_staff()) with check (voicely_is_staff());

-- WhatsApp configuration: staff read (template pickers), admin writes.
create policy whatsapp_accounts_select on whatsapp_accounts for select using (voicely_is_staff());
create policy whatsapp_accounts_write on whatsapp_accounts for all
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy whatsapp_templates_select on whatsapp_templates for select using (voicely_is_staff());
create policy whatsapp_templates_write on whatsapp_templates for all
    using (voicely_is_admin()) with check (voicely_is_admin());

-- Raw webhooks: the webhook endpoint and jobs ('system'), and admin for debugging.
create policy webhook_events_all on webhook_events for all
    using (voicely_is_admin()) with check (voicely_is_admin());

grant select, insert, update, delete on table
    whatsapp_accounts, whatsapp_templates, leads, chat_sessions, chat_messages,
    tags, contact_tags, quick_replies, webhook_events
    to ${app_role};
grant usage, select on sequence chat_messages_id_seq, webhook_events_id_seq to ${app_role};
