-- Hebrew-aware lexical matching and the embedding cache.
--
-- PostgreSQL has no Hebrew dictionary, so 'simple' on the raw text misses בשיעור for שיעור and
-- שלום for שלומ. The library writes lexical_text: every word folded (final letters in their ordinary
-- form, geresh and gershayim dropped) followed by its forms without attached prefixes (ו ה ב ל מ ש כ).
-- Queries are folded the same way in the library, so both sides meet on the same terms.
alter table rag_chunks add column lexical_text text not null default '';
alter table rag_chunks add column lexical tsvector generated always as (to_tsvector('simple', lexical_text)) stored;
create index rag_chunks_lexical_gin on rag_chunks using gin (lexical);

-- SHA-256 of the chunk text: a chunk whose text some chunk already has, embedded by the same model,
-- reuses that vector instead of calling the model again.
alter table rag_chunks add column content_hash text;
create index rag_chunks_content_hash_idx on rag_chunks (content_hash, embedding_model) where embedding is not null;

-- Collections beyond the four built-in ones, named by whoever indexes (`index <folder> --collection
-- recitals`). A named collection is read like 'files': by signed-in users and staff; 'website' stays
-- public and 'transcripts' stays with staff and the student concerned.
alter table rag_documents drop constraint rag_documents_collection_check;
alter table rag_documents add constraint rag_documents_collection_check
    check (collection ~ '^[a-z0-9][a-z0-9_-]{0,62}$');
drop policy rag_documents_select on rag_documents;
create policy rag_documents_select on rag_documents for select
    using (collection = 'website'
           or (collection <> 'transcripts' and (voicely_user_id() is not null or voicely_is_staff()))
           or (collection = 'transcripts' and (voicely_is_staff() or student_id = voicely_user_id())));
