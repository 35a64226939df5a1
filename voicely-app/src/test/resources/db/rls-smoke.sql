-- Row-level security smoke test for the core, rag and gamification migrations.
-- Run as the schema owner on a migrated database, in one transaction; it ends with ROLLBACK and
-- leaves nothing behind. ${app_role} is substituted like in the migrations. Any failed
-- expectation raises an exception, so run with ON_ERROR_STOP (psql) or as one JDBC script.
begin;

create function pg_temp.expect(what text, got bigint, want bigint) returns void language plpgsql as $$
begin
    if got is distinct from want then
        raise exception 'RLS smoke: % returned %, expected %', what, got, want;
    end if;
end $$;

-- Runs a statement and returns how many rows it changed.
create function pg_temp.changed(stmt text) returns bigint language plpgsql as $$
declare n bigint;
begin
    execute stmt;
    get diagnostics n = row_count;
    return n;
end $$;

-- Runs a statement that RLS must refuse; returns 1 if refused (SQLSTATE 42501), 0 if it went through.
create function pg_temp.refused(stmt text) returns bigint language plpgsql as $$
begin
    execute stmt;
    return 0;
exception when insufficient_privilege then
    return 1;
end $$;

grant execute on function pg_temp.expect(text, bigint, bigint), pg_temp.changed(text), pg_temp.refused(text)
    to ${app_role};

-- ------------------------------------------------------------------ fixtures, as the owner
-- A and B are students, T teaches B (lesson L1), D is an admin and teaches the open lesson L2.
insert into users (id, email, status) values
    ('00000000-0000-0000-0000-00000000000a', 'a@example.com', 'active'),
    ('00000000-0000-0000-0000-00000000000b', 'b@example.com', 'active'),
    ('00000000-0000-0000-0000-00000000000c', 't@example.com', 'active'),
    ('00000000-0000-0000-0000-00000000000d', 'd@example.com', 'active');
insert into user_roles (user_id, role) values
    ('00000000-0000-0000-0000-00000000000a', 'student'),
    ('00000000-0000-0000-0000-00000000000b', 'student'),
    ('00000000-0000-0000-0000-00000000000c', 'teacher'),
    ('00000000-0000-0000-0000-00000000000d', 'admin');
insert into profiles (user_id, display_name) values
    ('00000000-0000-0000-0000-00000000000a', 'Avi'),
    ('00000000-0000-0000-0000-00000000000b', 'Bat'),
    ('00000000-0000-0000-0000-00000000000c', 'Tamar');
insert into user_sessions (user_id, token_hash, expires_at) values
    ('00000000-0000-0000-0000-00000000000a', 'hash-a', now() + interval '1 day'),
    ('00000000-0000-0000-0000-00000000000b', 'hash-b', now() + interval '1 day');
insert into lessons (id, teacher_id, title, starts_at, duration_minutes, is_open) values
    ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-00000000000c', 'B private', now() + interval '1 day', 45, false),
    ('00000000-0000-0000-0000-0000000000f2', '00000000-0000-0000-0000-00000000000d', 'Open workshop', now() + interval '2 day', 60, true);
insert into lesson_participants (lesson_id, user_id) values
    ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-00000000000b');
insert into recordings (id, user_id, blob_key, sha256, mime_type, size_bytes) values
    ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-00000000000a', 'rec/a', repeat('a', 64), 'audio/webm', 10),
    ('00000000-0000-0000-0000-0000000000e2', '00000000-0000-0000-0000-00000000000b', 'rec/b', repeat('b', 64), 'audio/webm', 10);
insert into transcriptions (recording_id, text) values
    ('00000000-0000-0000-0000-0000000000e1', 'a sings'),
    ('00000000-0000-0000-0000-0000000000e2', 'b sings');
insert into chat_sessions (id, channel, user_id) values
    ('00000000-0000-0000-0000-0000000000c1', 'web', '00000000-0000-0000-0000-00000000000a'),
    ('00000000-0000-0000-0000-0000000000c2', 'web', '00000000-0000-0000-0000-00000000000b');
insert into chat_messages (session_id, direction, sender_type, message_type, body) values
    ('00000000-0000-0000-0000-0000000000c1', 'inbound', 'visitor', 'text', 'hi'),
    ('00000000-0000-0000-0000-0000000000c1', 'outbound', 'agent', 'note', 'internal'),
    ('00000000-0000-0000-0000-0000000000c2', 'inbound', 'visitor', 'text', 'hello');
insert into achievements (id, code, title_he, rule) values
    ('00000000-0000-0000-0000-0000000000a1', 'first_recording', 'הקלטה ראשונה', '{"on":"recording.created"}');
insert into user_achievements (user_id, achievement_id) values
    ('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-0000000000a1'),
    ('00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-0000000000a1');
insert into rag_documents (id, collection, source, external_id, student_id) values
    ('00000000-0000-0000-0000-0000000000d1', 'website', 'site', 'https://example.com/', null),
    ('00000000-0000-0000-0000-0000000000d2', 'drive', 'folder', 'file-1', null),
    ('00000000-0000-0000-0000-0000000000d3', 'transcripts', 'lessons', 'rec-b', '00000000-0000-0000-0000-00000000000b');
insert into rag_chunks (document_id, ordinal, text) values
    ('00000000-0000-0000-0000-0000000000d1', 0, 'welcome to the school'),
    ('00000000-0000-0000-0000-0000000000d2', 0, 'breathing exercise'),
    ('00000000-0000-0000-0000-0000000000d3', 0, 'b lesson transcript');

-- ------------------------------------------------------------------ student A
set local role ${app_role};
select set_config('voicely.user_id', '00000000-0000-0000-0000-00000000000a', true),
       set_config('voicely.role', 'student', true);

select pg_temp.expect('A: users visible', (select count(*) from users), 1);
select pg_temp.expect('A: B''s user row', (select count(*) from users where email = 'b@example.com'), 0);
select pg_temp.expect('A: profiles visible (own + teacher)', (select count(*) from profiles), 2);
select pg_temp.expect('A: B''s profile', (select count(*) from profiles where user_id = '00000000-0000-0000-0000-00000000000b'), 0);
select pg_temp.expect('A: update B''s profile',
    pg_temp.changed($$update profiles set bio = 'x' where user_id = '00000000-0000-0000-0000-00000000000b'$$), 0);
select pg_temp.expect('A: update own profile',
    pg_temp.changed($$update profiles set bio = 'me' where user_id = '00000000-0000-0000-0000-00000000000a'$$), 1);
select pg_temp.expect('A: update B''s user row',
    pg_temp.changed($$update users set locale = 'en' where id = '00000000-0000-0000-0000-00000000000b'$$), 0);
select pg_temp.expect('A: sessions visible', (select count(*) from user_sessions), 1);
select pg_temp.expect('A: delete B''s session',
    pg_temp.changed($$delete from user_sessions where token_hash = 'hash-b'$$), 0);
select pg_temp.expect('A: recordings visible', (select count(*) from recordings), 1);
select pg_temp.expect('A: update B''s recording',
    pg_temp.changed($$update recordings set title = 'x' where id = '00000000-0000-0000-0000-0000000000e2'$$), 0);
select pg_temp.expect('A: delete B''s recording',
    pg_temp.changed($$delete from recordings where id = '00000000-0000-0000-0000-0000000000e2'$$), 0);
select pg_temp.expect('A: insert a recording as B',
    pg_temp.refused($$insert into recordings (user_id, blob_key, sha256, mime_type, size_bytes)
                      values ('00000000-0000-0000-0000-00000000000b', 'k', repeat('c', 64), 'audio/webm', 1)$$), 1);
select pg_temp.expect('A: transcriptions visible (own only)', (select count(*) from transcriptions), 1);
select pg_temp.expect('A: lessons visible (open only)', (select count(*) from lessons), 1);
select pg_temp.expect('A: join the open lesson',
    pg_temp.changed($$insert into lesson_participants (lesson_id, user_id)
                      values ('00000000-0000-0000-0000-0000000000f2', '00000000-0000-0000-0000-00000000000a')$$), 1);
select pg_temp.expect('A: join B''s private lesson',
    pg_temp.refused($$insert into lesson_participants (lesson_id, user_id)
                      values ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-00000000000a')$$), 1);
select pg_temp.expect('A: mark own attendance',
    pg_temp.changed($$update lesson_participants set attendance = 'attended'
                      where user_id = '00000000-0000-0000-0000-00000000000a'$$), 0);
select pg_temp.expect('A: grant self admin',
    pg_temp.refused($$insert into user_roles (user_id, role) values ('00000000-0000-0000-0000-00000000000a', 'admin')$$), 1);
select pg_temp.expect('A: chat sessions visible', (select count(*) from chat_sessions), 1);
select pg_temp.expect('A: chat messages visible (no notes)', (select count(*) from chat_messages), 1);
select pg_temp.expect('A: post into B''s chat',
    pg_temp.refused($$insert into chat_messages (session_id, direction, sender_type, body)
                      values ('00000000-0000-0000-0000-0000000000c2', 'inbound', 'visitor', 'spam')$$), 1);
select pg_temp.expect('A: user_achievements visible', (select count(*) from user_achievements), 1);
select pg_temp.expect('A: award self',
    pg_temp.refused($$insert into user_achievements (user_id, achievement_id)
                      values ('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-0000000000a1')$$), 1);
select pg_temp.expect('A: delete B''s award',
    pg_temp.changed($$delete from user_achievements where user_id = '00000000-0000-0000-0000-00000000000b'$$), 0);
-- Achievement definitions are readable by students (the seeded defaults too).
select pg_temp.expect('A: achievement definition visible',
    (select count(*) from achievements where id = '00000000-0000-0000-0000-0000000000a1'), 1);
select pg_temp.expect('A: audit insert',
    pg_temp.changed($$insert into audit_log (actor_user_id, action) values ('00000000-0000-0000-0000-00000000000a', 'profile.update')$$), 1);
select pg_temp.expect('A: audit read', (select count(*) from audit_log), 0);
select pg_temp.expect('A: audit delete', pg_temp.refused($$delete from audit_log$$), 1);
select pg_temp.expect('A: rag documents (website + drive)', (select count(*) from rag_documents), 2);
select pg_temp.expect('A: rag chunks (website + drive)', (select count(*) from rag_chunks), 2);

-- ------------------------------------------------------------------ student B: own transcript
select set_config('voicely.user_id', '00000000-0000-0000-0000-00000000000b', true),
       set_config('voicely.role', 'student', true);
select pg_temp.expect('B: rag documents (website + drive + own transcript)', (select count(*) from rag_documents), 3);
select pg_temp.expect('B: lessons visible (own + open)', (select count(*) from lessons), 2);

-- ------------------------------------------------------------------ anonymous
select set_config('voicely.user_id', '', true), set_config('voicely.role', 'anonymous', true);
select pg_temp.expect('anon: users', (select count(*) from users), 0);
select pg_temp.expect('anon: profiles', (select count(*) from profiles), 0);
select pg_temp.expect('anon: sessions', (select count(*) from user_sessions), 0);
select pg_temp.expect('anon: recordings', (select count(*) from recordings), 0);
select pg_temp.expect('anon: chat', (select count(*) from chat_sessions), 0);
select pg_temp.expect('anon: lessons', (select count(*) from lessons), 0);
select pg_temp.expect('anon: rag documents (website)', (select count(*) from rag_documents), 1);
select pg_temp.expect('anon: rag chunks (website)', (select count(*) from rag_chunks), 1);
select pg_temp.expect('anon: create a user', pg_temp.refused($$insert into users (email) values ('x@example.com')$$), 1);

-- ------------------------------------------------------------------ teacher T (teaches B)
select set_config('voicely.user_id', '00000000-0000-0000-0000-00000000000c', true),
       set_config('voicely.role', 'teacher', true);
select pg_temp.expect('T: users (staff see all)', (select count(*) from users), 4);
select pg_temp.expect('T: recordings (own students only)', (select count(*) from recordings), 1);
select pg_temp.expect('T: sees B''s recording',
    (select count(*) from recordings where user_id = '00000000-0000-0000-0000-00000000000b'), 1);
select pg_temp.expect('T: transcriptions (own students only)', (select count(*) from transcriptions), 1);
select pg_temp.expect('T: achievements of students', (select count(*) from user_achievements), 1);
select pg_temp.expect('T: chat (staff see all)', (select count(*) from chat_messages), 3);
select pg_temp.expect('T: rag documents', (select count(*) from rag_documents), 3);
select pg_temp.expect('T: take attendance',
    pg_temp.changed($$update lesson_participants set attendance = 'late'
                      where lesson_id = '00000000-0000-0000-0000-0000000000f1'$$), 1);
select pg_temp.expect('T: change a user''s e-mail',
    pg_temp.changed($$update users set locale = 'en' where id = '00000000-0000-0000-0000-00000000000b'$$), 0);

-- ------------------------------------------------------------------ admin D and system
select set_config('voicely.user_id', '00000000-0000-0000-0000-00000000000d', true),
       set_config('voicely.role', 'admin', true);
select pg_temp.expect('admin: users', (select count(*) from users), 4);
select pg_temp.expect('admin: recordings', (select count(*) from recordings), 2);
select pg_temp.expect('admin: sessions', (select count(*) from user_sessions), 2);
select pg_temp.expect('admin: audit read', (select count(*) from audit_log), 1);
select pg_temp.expect('admin: update B',
    pg_temp.changed($$update users set locale = 'en' where id = '00000000-0000-0000-0000-00000000000b'$$), 1);

select set_config('voicely.user_id', '', true), set_config('voicely.role', 'system', true);
select pg_temp.expect('system: sign-in look-up by e-mail',
    (select count(*) from users where email = 'a@example.com'), 1);
select pg_temp.expect('system: award',
    pg_temp.changed($$insert into user_achievements (user_id, achievement_id)
                      values ('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-0000000000a1')
                      on conflict (user_id, achievement_id) do nothing$$), 0);

reset role;
select 'RLS smoke: all expectations met' as result;
rollback;
