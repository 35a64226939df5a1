-- Joining by link: a random code per lesson or group is the secret in the join URL. Null until a
-- teacher first shares one; regenerating replaces it, so an old link stops working.
alter table lessons add column join_code text;
alter table lessons add constraint lessons_join_code_key unique (join_code);
alter table groups add column join_code text;
alter table groups add constraint groups_join_code_key unique (join_code);

-- How full a lesson is. A student sees only their own participant row, yet joining must know how many
-- places are taken and where the waitlist ends; this answers with counts only, never with who.
create function voicely_lesson_seats(lesson uuid, out enrolled integer, out last_waitlist_position integer)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select (count(*) filter (where status = 'enrolled'))::integer,
           coalesce(max(waitlist_position), 0)::integer
      from lesson_participants
     where lesson_id = lesson
$$;

revoke execute on function voicely_lesson_seats(uuid) from public;
grant execute on function voicely_lesson_seats(uuid) to ${app_role};
