package il.co.voicely.core.analytics;

import il.co.voicely.core.analytics.TabReport.Unit;
import java.util.List;
import java.util.Map;

/**
 * The SQL behind each tab. Every query reads one date range, bound as {@code :from} (inclusive) and
 * {@code :to} (exclusive) instants, filters on an indexed time column first, and returns aggregates only;
 * series bucket by day in the school's zone {@code :tz}. Row-level security applies: run as an admin.
 */
final class TabQueries {

    record KpiQuery(String key, Unit unit, String sql) {
    }

    /** Rows of {@code (day date, value numeric)}; missing days count as zero. */
    record SeriesQuery(String key, Unit unit, String sql) {
    }

    /** Rows of {@code (label text, value numeric)}, largest first, at most {@code :limit}. */
    record RankingQuery(String key, Unit unit, String sql) {
    }

    record Definition(List<KpiQuery> kpis, List<SeriesQuery> series, List<RankingQuery> rankings) {
    }

    private TabQueries() {
    }

    private static final String IS_STUDENT = "exists (select 1 from user_roles r where r.user_id = %s and r.role = 'student')";

    private static final KpiQuery ACTIVE_STUDENTS = new KpiQuery("active_students", Unit.COUNT, """
            select count(distinct e.user_id) from analytics_events e
             where e.occurred_at >= :from and e.occurred_at < :to and e.user_id is not null and %s
            """.formatted(IS_STUDENT.formatted("e.user_id")));

    private static final KpiQuery LESSONS_HELD = new KpiQuery("lessons_held", Unit.COUNT, """
            select count(*) from lessons where starts_at >= :from and starts_at < :to and status = 'completed'
            """);

    private static final SeriesQuery LESSONS_HELD_DAILY = new SeriesQuery("lessons_held", Unit.COUNT, """
            select (starts_at at time zone :tz)::date, count(*) from lessons
             where starts_at >= :from and starts_at < :to and status = 'completed' group by 1
            """);

    private static final Definition OVERVIEW = new Definition(List.of(
            ACTIVE_STUDENTS,
            new KpiQuery("new_leads", Unit.COUNT, "select count(*) from leads where created_at >= :from and created_at < :to"),
            new KpiQuery("bookings", Unit.COUNT, "select count(*) from calcom_bookings where created_at >= :from and created_at < :to"),
            LESSONS_HELD,
            new KpiQuery("signins", Unit.COUNT, """
                    select count(*) from analytics_events where name = 'signin' and occurred_at >= :from and occurred_at < :to
                    """)),
            List.of(new SeriesQuery("signins", Unit.COUNT, """
                    select (occurred_at at time zone :tz)::date, count(*) from analytics_events
                     where name = 'signin' and occurred_at >= :from and occurred_at < :to group by 1
                    """), LESSONS_HELD_DAILY),
            List.of(new RankingQuery("top_pages", Unit.COUNT, """
                    select properties ->> 'path', count(*) from analytics_events
                     where name = 'page_view' and occurred_at >= :from and occurred_at < :to
                     group by 1 order by 2 desc, 1 limit :limit
                    """)));

    /** A student is at risk when nothing of theirs was recorded in the 14 days before the range ends. */
    private static final String AT_RISK = """
            from users u join user_roles r on r.user_id = u.id and r.role = 'student'
            left join profiles p on p.user_id = u.id
            cross join lateral (select max(e.occurred_at) as last_seen from analytics_events e
                                 where e.user_id = u.id and e.occurred_at < :to) seen
            where u.status = 'active' and u.created_at < :to
              and (seen.last_seen is null or seen.last_seen < cast(:to as timestamptz) - interval '14 days')
            """;

    private static final Definition STUDENTS = new Definition(List.of(
            new KpiQuery("new_students", Unit.COUNT, """
                    select count(*) from users u where u.created_at >= :from and u.created_at < :to and %s
                    """.formatted(IS_STUDENT.formatted("u.id"))),
            ACTIVE_STUDENTS,
            new KpiQuery("practice_recordings", Unit.COUNT, """
                    select count(*) from recordings where created_at >= :from and created_at < :to and source = 'practice'
                    """),
            new KpiQuery("at_risk_students", Unit.COUNT, "select count(*) " + AT_RISK)),
            List.of(new SeriesQuery("new_students", Unit.COUNT, """
                    select (u.created_at at time zone :tz)::date, count(*) from users u
                     where u.created_at >= :from and u.created_at < :to and %s group by 1
                    """.formatted(IS_STUDENT.formatted("u.id"))),
                    new SeriesQuery("active_students", Unit.COUNT, """
                    select (e.occurred_at at time zone :tz)::date, count(distinct e.user_id) from analytics_events e
                     where e.occurred_at >= :from and e.occurred_at < :to and e.user_id is not null and %s group by 1
                    """.formatted(IS_STUDENT.formatted("e.user_id")))),
            List.of(new RankingQuery("at_risk_students", Unit.COUNT, """
                    select coalesce(p.display_name, u.email),
                           extract(day from cast(:to as timestamptz) - coalesce(seen.last_seen, u.created_at))
                    """ + AT_RISK + " order by 2 desc, 1 limit :limit")));

    private static final String PARTICIPANTS_IN_RANGE = """
            from lesson_participants lp join lessons l on l.id = lp.lesson_id
            where l.starts_at >= :from and l.starts_at < :to and l.status <> 'cancelled'
            """;

    private static final Definition LESSONS = new Definition(List.of(
            LESSONS_HELD,
            new KpiQuery("lessons_cancelled", Unit.COUNT, """
                    select count(*) from lessons where starts_at >= :from and starts_at < :to and status = 'cancelled'
                    """),
            new KpiQuery("attendance_rate", Unit.PERCENT, """
                    select 100.0 * count(*) filter (where lp.attendance in ('attended', 'late'))
                           / nullif(count(*) filter (where lp.attendance is not null), 0)
                    """ + PARTICIPANTS_IN_RANGE),
            new KpiQuery("no_shows", Unit.COUNT, "select count(*) filter (where lp.attendance = 'absent') " + PARTICIPANTS_IN_RANGE),
            new KpiQuery("capacity_used", Unit.PERCENT, """
                    select 100.0 * sum(s.enrolled) / nullif(sum(l.capacity), 0)
                      from lessons l
                      cross join lateral (select count(*) as enrolled from lesson_participants lp
                                           where lp.lesson_id = l.id and lp.status = 'enrolled') s
                     where l.starts_at >= :from and l.starts_at < :to and l.status <> 'cancelled' and l.capacity is not null
                    """)),
            List.of(LESSONS_HELD_DAILY),
            List.of(new RankingQuery("lessons_per_teacher", Unit.COUNT, """
                    select coalesce(p.display_name, u.email, '-'), count(*) from lessons l
                      left join users u on u.id = l.teacher_id left join profiles p on p.user_id = l.teacher_id
                     where l.starts_at >= :from and l.starts_at < :to and l.status = 'completed'
                     group by 1 order by 2 desc, 1 limit :limit
                    """)));

    private static final String HUMAN = "exists (select 1 from chat_messages m where m.session_id = s.id and m.sender_type = 'agent')";

    private static final Definition CHAT = new Definition(List.of(
            new KpiQuery("conversations", Unit.COUNT, "select count(*) from chat_sessions s where s.created_at >= :from and s.created_at < :to"),
            new KpiQuery("bot_only", Unit.COUNT,
                    "select count(*) from chat_sessions s where s.created_at >= :from and s.created_at < :to and not " + HUMAN),
            new KpiQuery("human_handled", Unit.COUNT,
                    "select count(*) from chat_sessions s where s.created_at >= :from and s.created_at < :to and " + HUMAN),
            new KpiQuery("first_response_minutes", Unit.MINUTES, """
                    select avg(extract(epoch from reply.at - first_in.at) / 60)
                      from chat_sessions s
                      cross join lateral (select min(m.created_at) as at from chat_messages m
                                           where m.session_id = s.id and m.direction = 'inbound') first_in
                      cross join lateral (select min(m.created_at) as at from chat_messages m
                                           where m.session_id = s.id and m.direction = 'outbound'
                                             and m.message_type <> 'note' and m.created_at >= first_in.at) reply
                     where s.created_at >= :from and s.created_at < :to and reply.at is not null
                    """),
            new KpiQuery("resolution_minutes", Unit.MINUTES, """
                    select avg(extract(epoch from s.resolved_at - s.created_at) / 60) from chat_sessions s
                     where s.created_at >= :from and s.created_at < :to and s.resolved_at is not null
                    """),
            new KpiQuery("leads_from_chat", Unit.COUNT, """
                    select count(*) from chat_sessions s where s.created_at >= :from and s.created_at < :to and s.lead_id is not null
                    """)),
            List.of(new SeriesQuery("conversations", Unit.COUNT, """
                    select (s.created_at at time zone :tz)::date, count(*) from chat_sessions s
                     where s.created_at >= :from and s.created_at < :to group by 1
                    """)),
            List.of(new RankingQuery("conversations_by_channel", Unit.COUNT, """
                    select s.channel, count(*) from chat_sessions s where s.created_at >= :from and s.created_at < :to
                     group by 1 order by 2 desc, 1 limit :limit
                    """),
                    new RankingQuery("lead_funnel", Unit.COUNT, """
                    select status, count(*) from leads where created_at >= :from and created_at < :to
                     group by 1 order by 2 desc, 1 limit :limit
                    """)));

    private static final Definition RECORDINGS = new Definition(List.of(
            new KpiQuery("recordings", Unit.COUNT, "select count(*) from recordings where created_at >= :from and created_at < :to"),
            new KpiQuery("analysed", Unit.COUNT,
                    "select count(*) from recordings where created_at >= :from and created_at < :to and status = 'analyzed'"),
            new KpiQuery("failed", Unit.COUNT,
                    "select count(*) from recordings where created_at >= :from and created_at < :to and status = 'failed'"),
            new KpiQuery("average_score", Unit.SCORE, """
                    select avg(score) from ai_analysis where created_at >= :from and created_at < :to and score is not null
                    """)),
            List.of(new SeriesQuery("recordings", Unit.COUNT, """
                    select (created_at at time zone :tz)::date, count(*) from recordings
                     where created_at >= :from and created_at < :to group by 1
                    """),
                    new SeriesQuery("average_score", Unit.SCORE, """
                    select (created_at at time zone :tz)::date, avg(score) from ai_analysis
                     where created_at >= :from and created_at < :to and score is not null group by 1
                    """)),
            List.of(new RankingQuery("score_distribution", Unit.COUNT, """
                    select case when score >= 80 then '80-100' when score >= 60 then '60-79' else '0-59' end, count(*)
                      from ai_analysis where created_at >= :from and created_at < :to and score is not null
                     group by 1 order by 1 desc limit :limit
                    """)));

    private static final Definition AI = new Definition(List.of(
            new KpiQuery("searches", Unit.COUNT, "select count(*) from search_history where occurred_at >= :from and occurred_at < :to"),
            new KpiQuery("zero_result_searches", Unit.COUNT,
                    "select count(*) from search_history where occurred_at >= :from and occurred_at < :to and result_count = 0"),
            new KpiQuery("assistant_calls", Unit.COUNT, "select count(*) from llm_usage where occurred_at >= :from and occurred_at < :to"),
            new KpiQuery("tokens", Unit.COUNT,
                    "select sum(tokens_in + tokens_out) from llm_usage where occurred_at >= :from and occurred_at < :to"),
            new KpiQuery("cost_usd", Unit.USD,
                    "select coalesce(sum(cost_usd), 0) from llm_usage where occurred_at >= :from and occurred_at < :to")),
            List.of(new SeriesQuery("searches", Unit.COUNT, """
                    select (occurred_at at time zone :tz)::date, count(*) from search_history
                     where occurred_at >= :from and occurred_at < :to group by 1
                    """),
                    new SeriesQuery("cost_usd", Unit.USD, """
                    select (occurred_at at time zone :tz)::date, coalesce(sum(cost_usd), 0) from llm_usage
                     where occurred_at >= :from and occurred_at < :to group by 1
                    """)),
            List.of(new RankingQuery("top_queries", Unit.COUNT, """
                    select lower(query), count(*) from search_history where occurred_at >= :from and occurred_at < :to
                     group by 1 order by 2 desc, 1 limit :limit
                    """),
                    new RankingQuery("zero_result_queries", Unit.COUNT, """
                    select lower(query), count(*) from search_history
                     where occurred_at >= :from and occurred_at < :to and result_count = 0
                     group by 1 order by 2 desc, 1 limit :limit
                    """)));

    static final Map<AnalyticsTab, Definition> TABS = Map.of(
            AnalyticsTab.OVERVIEW, OVERVIEW, AnalyticsTab.STUDENTS, STUDENTS, AnalyticsTab.LESSONS, LESSONS,
            AnalyticsTab.CHAT, CHAT, AnalyticsTab.RECORDINGS, RECORDINGS, AnalyticsTab.AI, AI);
}
