-- Row-Level Security context.
-- The app sets two settings at the start of every transaction with set_config(..., true):
--   voicely.user_id  the signed-in user's uuid ('' or unset for anonymous visitors and system jobs)
--   voicely.role     anonymous | student | teacher | admin | system
-- 'system' is background work and look-ups made before anyone is signed in (sign-in, webhooks);
-- it reads and writes like an admin but is no person. Policies call only the functions below,
-- so the meaning of a role lives in one place.
--
-- The functions are plain SQL, STABLE and SECURITY INVOKER, so the planner inlines them and
-- evaluates them once per statement (an indexed user_id = voicely_user_id() stays an index scan).

create function voicely_user_id() returns uuid
    language sql stable security invoker
as $$
    select nullif(current_setting('voicely.user_id', true), '')::uuid
$$;

create function voicely_role() returns text
    language sql stable security invoker
as $$
    select coalesce(nullif(current_setting('voicely.role', true), ''), 'anonymous')
$$;

-- Staff: the people (and jobs) who work with students' data.
create function voicely_is_staff() returns boolean
    language sql stable security invoker
as $$
    select voicely_role() in ('teacher', 'admin', 'system')
$$;

create function voicely_is_admin() returns boolean
    language sql stable security invoker
as $$
    select voicely_role() in ('admin', 'system')
$$;

-- Keeps updated_at honest whichever code path changes a row.
create function voicely_touch_updated_at() returns trigger
    language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

grant execute on function
    voicely_user_id(),
    voicely_role(),
    voicely_is_staff(),
    voicely_is_admin(),
    voicely_touch_updated_at()
    to ${app_role};
