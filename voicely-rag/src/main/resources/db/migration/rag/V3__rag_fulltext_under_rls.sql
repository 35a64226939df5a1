-- Full-text search under row-level security. PostgreSQL checks the policies' conditions before any query
-- condition whose function is not LEAKPROOF, so `lexical @@ query` could not use the GIN index: every search
-- read every chunk the caller may see (about a second at 20,000 chunks). ts_match_vq, the function behind
-- @@, returns a boolean computed from its arguments and raises no data-dependent error, so declaring it
-- LEAKPROOF reveals nothing a policy hides. Only a superuser may; a plain owner is told what to run.
do $$
begin
    if not (select proleakproof from pg_proc where oid = 'ts_match_vq(tsvector, tsquery)'::regprocedure) then
        alter function ts_match_vq(tsvector, tsquery) leakproof;
    end if;
exception
    when insufficient_privilege then
        raise warning 'Full-text search cannot use its index under row-level security until a superuser runs: ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;';
end
$$;
