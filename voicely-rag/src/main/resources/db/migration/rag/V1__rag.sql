-- Retrieval: documents from four collections, their chunks with full-text and vector indexes, and
-- the state of incremental syncs and crawls. Runs after the core migrations (users, RLS helpers).

-- The runtime creates the extension as a superuser; creating it here needs that privilege too, so
-- only try when it is missing and say plainly what to do when we may not.
do $$
begin
    if not exists (select 1 from pg_extension where extname = 'vector') then
        create extension vector;
    end if;
exception
    when insufficient_privilege then
        raise exception 'the pgvector extension "vector" is not installed in this database and this role may not create it'
            using hint = 'Run CREATE EXTENSION vector; as a superuser (pgvector >= 0.5 for HNSW), then migrate again.';
end
$$;

create table rag_documents (
    id           uuid primary key default gen_random_uuid(),
    collection   text not null check (collection in ('transcripts', 'website', 'drive', 'files')),
    -- Where it came from: a Drive folder, a site root, 'upload', 'lessons'...
    source       text not null,
    -- The source's own id: Drive file id, canonical URL, recording id...
    external_id  text not null,
    uri          text,
    title        text,
    mime_type    text,
    language     text,
    metadata     jsonb not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    -- Hash of the extracted text: an unchanged document is not re-chunked or re-embedded.
    content_hash text,
    -- For transcripts: whose lesson it is, so the student and the teachers can find it.
    teacher_id   uuid references users (id) on delete set null,
    student_id   uuid references users (id) on delete set null,
    lesson_date  date,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint rag_documents_collection_source_external_id_key unique (collection, source, external_id)
);
create index rag_documents_teacher_id_idx on rag_documents (teacher_id);
create index rag_documents_student_id_idx on rag_documents (student_id);
create index rag_documents_collection_date_idx on rag_documents (collection, lesson_date);

create table rag_chunks (
    id              bigint generated always as identity primary key,
    document_id     uuid not null references rag_documents (id) on delete cascade,
    ordinal         integer not null check (ordinal >= 0),
    text            text not null,
    token_count     integer check (token_count >= 0),
    -- Transcript chunks point back into the audio.
    start_ms        integer check (start_ms >= 0),
    end_ms          integer check (end_ms >= start_ms),
    -- 'simple' config: no Hebrew stemmer exists in PostgreSQL, and 'simple' treats every language alike.
    tsv             tsvector generated always as (to_tsvector('simple', text)) stored,
    -- 384 dimensions = the offline default model all-MiniLM-L6-v2. A model with another dimension
    -- needs a new migration (alter the column type, rebuild the index, re-embed); null until embedded.
    embedding       vector(384),
    -- Which model produced the embedding, so a model change with equal dimension is detected.
    embedding_model text,
    created_at      timestamptz not null default now(),
    constraint rag_chunks_document_ordinal_key unique (document_id, ordinal)
);
create index rag_chunks_embedding_hnsw on rag_chunks using hnsw (embedding vector_cosine_ops);
create index rag_chunks_tsv_gin on rag_chunks using gin (tsv);

-- Incremental sync cursors: Drive changes page tokens, sitemap positions, ...
create table rag_sync_state (
    source     text not null,
    key        text not null,
    page_token text,
    state      jsonb not null default '{}',
    updated_at timestamptz not null default now(),
    primary key (source, key)
);

-- The website crawler's frontier; etag/last_modified make re-crawls conditional requests.
create table rag_crawl_frontier (
    id            bigint generated always as identity primary key,
    source        text not null,
    url           text not null,
    depth         integer not null default 0 check (depth >= 0),
    status        text not null default 'queued' check (status in ('queued', 'fetching', 'done', 'failed', 'skipped')),
    http_status   integer,
    etag          text,
    last_modified timestamptz,
    content_hash  text,
    error         text,
    fetched_at    timestamptz,
    created_at    timestamptz not null default now(),
    constraint rag_crawl_frontier_source_url_key unique (source, url)
);
create index rag_crawl_frontier_queue_idx on rag_crawl_frontier (source, depth, id) where status = 'queued';

create trigger rag_documents_touch before update on rag_documents
    for each row execute function voicely_touch_updated_at();
create trigger rag_sync_state_touch before update on rag_sync_state
    for each row execute function voicely_touch_updated_at();

-- ---------------------------------------------------------------- row-level security
alter table rag_documents enable row level security;
alter table rag_chunks enable row level security;
alter table rag_sync_state enable row level security;
alter table rag_crawl_frontier enable row level security;

-- Website pages are public (the anonymous website assistant); Drive and uploaded files are for
-- signed-in users and jobs; a lesson transcript is for staff and the student whose lesson it is.
create policy rag_documents_select on rag_documents for select
    using (collection = 'website'
           or (collection in ('drive', 'files') and (voicely_user_id() is not null or voicely_is_staff()))
           or (collection = 'transcripts' and (voicely_is_staff() or student_id = voicely_user_id())));
create policy rag_documents_write on rag_documents for all
    using (voicely_is_staff()) with check (voicely_is_staff());

-- A chunk is visible exactly when its document is (the sub-select runs under rag_documents' policy).
create policy rag_chunks_select on rag_chunks for select
    using (exists (select 1 from rag_documents d where d.id = document_id));
create policy rag_chunks_write on rag_chunks for all
    using (voicely_is_staff()) with check (voicely_is_staff());

create policy rag_sync_state_all on rag_sync_state for all
    using (voicely_is_admin()) with check (voicely_is_admin());
create policy rag_crawl_frontier_all on rag_crawl_frontier for all
    using (voicely_is_admin()) with check (voicely_is_admin());

grant select, insert, update, delete on table
    rag_documents, rag_chunks, rag_sync_state, rag_crawl_frontier
    to ${app_role};
grant usage, select on sequence rag_chunks_id_seq, rag_crawl_frontier_id_seq to ${app_role};
