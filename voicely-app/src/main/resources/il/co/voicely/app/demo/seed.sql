-- A small demo school for the embedded database. DemoSeeder runs this once, as 'system', in the same
-- transaction that inserted the admin (admin@voicely.local). The teacher and the students are invited
-- accounts without passwords: they show up in lists, and nobody can sign in as them.
-- Times are relative to today in Israel, so the demo always has a past lesson and upcoming ones.
-- (Jdbi parses this text: no colons outside strings and no angle brackets.)

insert into profiles (user_id, display_name)
select id, 'רונית שחר' from users where email = 'admin@voicely.local';

insert into users (id, email, status, locale) values
    ('d0000000-0000-4000-8000-000000000002', 'michal@voicely.local', 'invited', 'he'),
    ('d0000000-0000-4000-8000-000000000003', 'noa@voicely.local', 'invited', 'he'),
    ('d0000000-0000-4000-8000-000000000004', 'yonatan@voicely.local', 'invited', 'he');

insert into profiles (user_id, display_name, bio) values
    ('d0000000-0000-4000-8000-000000000002', 'מיכל לוי', 'מורה לפיתוח קול ומנצחת מקהלות'),
    ('d0000000-0000-4000-8000-000000000003', 'נועה כהן', null),
    ('d0000000-0000-4000-8000-000000000004', 'יונתן אברהם', null);

insert into user_roles (user_id, role)
select id, 'admin' from users where email = 'admin@voicely.local';
insert into user_roles (user_id, role) values
    ('d0000000-0000-4000-8000-000000000002', 'teacher'),
    ('d0000000-0000-4000-8000-000000000003', 'student'),
    ('d0000000-0000-4000-8000-000000000004', 'student');

insert into groups (id, name, description, teacher_id) values
    ('d0000000-0000-4000-8000-000000000101', 'מקהלת הצעירים', 'מקהלה לבני נוער, חזרה פעם בשבוע',
     'd0000000-0000-4000-8000-000000000002');

insert into group_members (group_id, user_id) values
    ('d0000000-0000-4000-8000-000000000101', 'd0000000-0000-4000-8000-000000000003'),
    ('d0000000-0000-4000-8000-000000000101', 'd0000000-0000-4000-8000-000000000004');

insert into lessons (id, teacher_id, group_id, title, kind, starts_at, duration_minutes, status, capacity, location) values
    ('d0000000-0000-4000-8000-000000000201', 'd0000000-0000-4000-8000-000000000002', null,
     'נשימה ותמיכה', 'private',
     (current_date - 3 + interval '17 hours') at time zone 'Asia/Jerusalem', 45, 'completed', null, 'סטודיו 1'),
    ('d0000000-0000-4000-8000-000000000202', 'd0000000-0000-4000-8000-000000000002', null,
     'טווח קולי ומעברים', 'private',
     (current_date + 2 + interval '17 hours') at time zone 'Asia/Jerusalem', 45, 'scheduled', null, 'סטודיו 1'),
    ('d0000000-0000-4000-8000-000000000203', 'd0000000-0000-4000-8000-000000000002', null,
     'שיעור ניסיון', 'trial',
     (current_date + 4 + interval '18 hours') at time zone 'Asia/Jerusalem', 20, 'scheduled', null, 'זום'),
    ('d0000000-0000-4000-8000-000000000204', 'd0000000-0000-4000-8000-000000000002',
     'd0000000-0000-4000-8000-000000000101',
     'חזרת מקהלה', 'group',
     (current_date + 6 + interval '19 hours') at time zone 'Asia/Jerusalem', 60, 'scheduled', 12, 'אולם המקהלה');

insert into lesson_participants (lesson_id, user_id, attendance) values
    ('d0000000-0000-4000-8000-000000000201', 'd0000000-0000-4000-8000-000000000003', 'attended'),
    ('d0000000-0000-4000-8000-000000000202', 'd0000000-0000-4000-8000-000000000003', null),
    ('d0000000-0000-4000-8000-000000000203', 'd0000000-0000-4000-8000-000000000004', null),
    ('d0000000-0000-4000-8000-000000000204', 'd0000000-0000-4000-8000-000000000003', null),
    ('d0000000-0000-4000-8000-000000000204', 'd0000000-0000-4000-8000-000000000004', null);

-- Two exercises, so the demo students' stars per exercise have something to belong to.
insert into vocal_exercises (id, slug, title, description, category, difficulty, duration_seconds, created_by) values
    ('d0000000-0000-4000-8000-000000000301', 'sirens', 'סירנות', 'גלישה מהצליל הנמוך לגבוה ובחזרה', 'range', 1, 120,
     'd0000000-0000-4000-8000-000000000002'),
    ('d0000000-0000-4000-8000-000000000302', 'major-scale', 'סולם מז''ור', 'סולם עולה ויורד על התנועה א', 'pitch', 2, 90,
     'd0000000-0000-4000-8000-000000000002');
