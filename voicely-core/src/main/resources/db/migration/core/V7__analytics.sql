-- Analytics: product events, search history and LLM usage. Append-mostly logs with bigint ids.
-- Anyone may record an event about themselves (or about nobody); only admin/system read them.
-- Note: INSERT ... RETURNING needs the select policy too, so non-admins must not use RETURNING here.

create table analytics_events (
    id          bigint generated always as identity primary key,
    name        text not null check (name ~ '^[a-z][a-z0-9_.:-]*$'),
    user_id     uuid references users (id) on delete set null,
    -- Anonymous visitor cookie id, to join a visitor's events before and after sign-up.
    visitor_key text,
    properties  jsonb not null default '{}' check (jsonb_typeof(properties) = 'object'),
    occurred_at timestamptz not null default now(),
    received_at timestamptz not null default now()
);
create index analytics_events_name_occurred_idx on analytics_events (name, occurred_at);
create index analytics_events_user_occurred_idx on analytics_events (user_id, occurred_at);
create index analytics_events_visitor_key_idx on analytics_events (visitor_key);
-- Range scans over time on an append-only table: BRIN is tiny and fits the insert order.
create index analytics_events_occurred_brin on analytics_events using brin (occurred_at);

create table search_history (
    id           bigint generated always as identity primary key,
    user_id      uuid references users (id) on delete cascade,
    query        text not null,
    collection   text,
    filters      jsonb not null default '{}',
    result_count integer check (result_count >= 0),
    occurred_at  timestamptz not null default now()
);
create index search_history_user_occurred_idx on search_history (user_id, occurred_at);
create index search_history_occurred_at_idx on search_history (occurred_at);

create table llm_usage (
    id              bigint generated always as identity primary key,
    provider        text not null,
    model           text not null,
    -- What the call was for: website_assistant, teacher_assistant, lesson_plan, sentiment, embedding...
    purpose         text,
    tokens_in       integer not null default 0 check (tokens_in >= 0),
    tokens_out      integer not null default 0 check (tokens_out >= 0),
    -- Estimated, in US dollars; null when the price is unknown (e.g. a local model).
    cost_usd        numeric(12, 6) check (cost_usd >= 0),
    latency_ms      integer check (latency_ms >= 0),
    -- A chat session or other conversation; not a foreign key, usage outlives conversations.
    conversation_id uuid,
    user_id         uuid references users (id) on delete set null,
    occurred_at     timestamptz not null default now()
);
create index llm_usage_occurred_idx on llm_usage (occurred_at);
create index llm_usage_provider_model_idx on llm_usage (provider, model, occurred_at);
create index llm_usage_conversation_id_idx on llm_usage (conversation_id);
create index llm_usage_user_id_idx on llm_usage (user_id);

alter table analytics_events enable row level security;
alter table search_history enable row level security;
alter table llm_usage enable row level security;

create policy analytics_events_insert on analytics_events for insert
    with check (user_id is null or user_id = voicely_user_id() or voicely_is_admin());
create policy analytics_events_select on analytics_events for select
    using (voicely_is_admin());
create policy analytics_events_delete on analytics_events for delete
    using (voicely_is_admin());

-- search_history: a user sees and clears their own ("recent searches").
create policy search_history_select on search_history for select
    using (user_id = voicely_user_id() or voicely_is_admin());
create policy search_history_insert on search_history for insert
    with check (user_id is null or user_id = voicely_user_id() or voicely_is_admin());
create policy search_history_delete on search_history for delete
    using (user_id = voicely_user_id() or voicely_is_admin());

create policy llm_usage_insert on llm_usage for insert
    with check (user_id is null or user_id = voicely_user_id() or voicely_is_admin());
create policy llm_usage_select on llm_usage for select
    using (voicely_is_admin());

grant select, insert, update, delete on table analytics_events, search_history, llm_usage to ${app_role};
grant usage, select on sequence analytics_events_id_seq, search_history_id_seq, llm_usage_id_seq to ${app_role};
