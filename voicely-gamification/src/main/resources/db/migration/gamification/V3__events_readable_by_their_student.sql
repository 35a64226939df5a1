-- A student's own processed events (recording analyses, practice sessions) are the data of their progress
-- charts: the student and their teachers may read them; writing stays with the engine (admin/system).
-- Policies are permissive, so this adds to gamification_events_all rather than replacing it.
create policy gamification_events_select_own on gamification_events for select
    using (user_id = voicely_user_id() or voicely_teaches(user_id));
