-- Teachers' time-stamped comments on recordings, and the starter practice exercises whose target
-- notes give the note-accuracy score something real to measure against.

create table recording_comments (
    id           uuid primary key default gen_random_uuid(),
    recording_id uuid not null references recordings (id) on delete cascade,
    author_id    uuid references users (id) on delete set null,
    -- Where in the recording the comment points, from its start.
    at_ms        integer not null default 0 check (at_ms >= 0),
    body         text not null check (length(body) between 1 and 2000),
    created_at   timestamptz not null default now()
);
create index recording_comments_recording_idx on recording_comments (recording_id, at_ms);
create index recording_comments_author_id_idx on recording_comments (author_id);

alter table recording_comments enable row level security;

-- Visible exactly when the recording is (the sub-select runs under recordings' own policies).
create policy recording_comments_select on recording_comments for select
    using (exists (select 1 from recordings r where r.id = recording_id));
-- The recording's owner, the owner's teachers and admin comment, each under their own name.
create policy recording_comments_insert on recording_comments for insert
    with check (author_id = voicely_user_id()
                and exists (select 1 from recordings r
                             where r.id = recording_id
                               and (r.user_id = voicely_user_id() or voicely_teaches(r.user_id) or voicely_is_admin())));
create policy recording_comments_delete on recording_comments for delete
    using (author_id = voicely_user_id() or voicely_is_admin());

grant select, insert, delete on table recording_comments to ${app_role};

-- Starter exercises: target.notes are sung in order at the singer's own tempo.
insert into vocal_exercises (slug, title, description, category, difficulty, duration_seconds, target) values
    ('c-major-scale', 'C major scale', 'Do Re Mi Fa Sol La Si Do, up from middle C', 'pitch', 1, 20,
     '{"notes": ["C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5"]}'),
    ('a-minor-scale-low', 'A minor scale (low)', 'La to La, for lower voices', 'pitch', 2, 20,
     '{"notes": ["A2", "B2", "C3", "D3", "E3", "F3", "G3", "A3"]}'),
    ('c-major-arpeggio', 'C major arpeggio', 'Do Mi Sol Do and back down', 'warmup', 2, 15,
     '{"notes": ["C4", "E4", "G4", "C5", "G4", "E4", "C4"]}'),
    ('five-note-warmup', 'Five-note warm-up', 'Do Re Mi Fa Sol Fa Mi Re Do', 'warmup', 1, 15,
     '{"notes": ["C4", "D4", "E4", "F4", "G4", "F4", "E4", "D4", "C4"]}'),
    ('siren-g3-g4', 'Siren G3 to G4', 'Glide up an octave and back on "ng"; the ends are scored', 'range', 3, 10,
     '{"notes": ["G3", "G4", "G3"]}')
on conflict (slug) do nothing;
