package il.co.voicely.core.analytics;

import java.util.UUID;

/** A small school in SQL, run as the owner: its numbers are the known answers of {@link AnalyticsReportsTest}. */
final class SchoolFixture {

    private SchoolFixture() {
    }

    static String sql(UUID adminId) {
        return """
            insert into users (id, email, status, created_at) values
              ('%s', 'admin@example.com', 'active', '2025-01-01'),
              ('00000000-0000-0000-0000-0000000000a1', 'teacher@example.com', 'active', '2025-01-01'),
              ('00000000-0000-0000-0000-0000000000b1', 'new@example.com', 'active', '2026-03-02 09:00+02'),
              ('00000000-0000-0000-0000-0000000000b2', 'feb@example.com', 'active', '2026-02-20 09:00+02'),
              ('00000000-0000-0000-0000-0000000000b3', 'idle@example.com', 'active', '2026-01-01 09:00+02');
            insert into user_roles (user_id, role) values
              ('%1$s', 'admin'), ('00000000-0000-0000-0000-0000000000a1', 'teacher'),
              ('00000000-0000-0000-0000-0000000000b1', 'student'), ('00000000-0000-0000-0000-0000000000b2', 'student'),
              ('00000000-0000-0000-0000-0000000000b3', 'student');
            insert into profiles (user_id, display_name) values
              ('00000000-0000-0000-0000-0000000000a1', 'Dana Teacher'), ('00000000-0000-0000-0000-0000000000b3', 'Idle Student');

            insert into analytics_events (name, user_id, properties, occurred_at) values
              ('signin', '00000000-0000-0000-0000-0000000000b1', '{"method":"password"}', '2026-03-02 10:00+02'),
              ('page_view', '00000000-0000-0000-0000-0000000000b1', '{"path":"/"}', '2026-03-03 10:00+02'),
              ('signin', '00000000-0000-0000-0000-0000000000b2', '{"method":"password"}', '2026-03-05 23:30+02'),
              ('signin', '00000000-0000-0000-0000-0000000000b2', '{"method":"password"}', '2026-02-25 10:00+02'),
              -- Just after the range ends in Israel, though still 10 March in UTC: not counted.
              ('signin', '00000000-0000-0000-0000-0000000000b1', '{"method":"password"}', '2026-03-11 00:30+02');

            insert into lessons (id, teacher_id, title, starts_at, duration_minutes, status, capacity) values
              ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000a1', 'Group', '2026-03-03 18:00+02', 60, 'completed', 4),
              ('00000000-0000-0000-0000-0000000000c2', '00000000-0000-0000-0000-0000000000a1', 'Private', '2026-03-04 18:00+02', 45, 'completed', null),
              ('00000000-0000-0000-0000-0000000000c3', '00000000-0000-0000-0000-0000000000a1', 'Cancelled', '2026-03-05 18:00+02', 45, 'cancelled', 4),
              ('00000000-0000-0000-0000-0000000000c4', '00000000-0000-0000-0000-0000000000a1', 'February', '2026-02-22 18:00+02', 45, 'completed', 4);
            insert into lesson_participants (lesson_id, user_id, attendance) values
              ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b1', 'attended'),
              ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b2', 'absent'),
              ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b3', null),
              ('00000000-0000-0000-0000-0000000000c2', '00000000-0000-0000-0000-0000000000b1', 'late'),
              ('00000000-0000-0000-0000-0000000000c4', '00000000-0000-0000-0000-0000000000b2', 'attended');

            insert into leads (id, name, status, created_at) values
              ('00000000-0000-0000-0000-0000000000d1', 'Chat lead', 'new', '2026-03-02 10:05+02'),
              ('00000000-0000-0000-0000-0000000000d2', 'Phone lead', 'contacted', '2026-03-07 10:00+02'),
              ('00000000-0000-0000-0000-0000000000d3', 'Old lead', 'converted', '2026-02-20 10:00+02');
            insert into calcom_bookings (uid, starts_at, ends_at, created_at) values
              ('booking-1', '2026-03-20 10:00+02', '2026-03-20 10:45+02', '2026-03-04 12:00+02');

            insert into chat_sessions (id, channel, state, lead_id, created_at, resolved_at) values
              ('00000000-0000-0000-0000-0000000000e1', 'widget', 'resolved', '00000000-0000-0000-0000-0000000000d1', '2026-03-02 10:00+02', '2026-03-02 11:00+02'),
              ('00000000-0000-0000-0000-0000000000e2', 'whatsapp', 'open', null, '2026-03-06 10:00+02', null);
            insert into chat_messages (session_id, direction, sender_type, body, created_at) values
              ('00000000-0000-0000-0000-0000000000e1', 'inbound', 'visitor', 'hello', '2026-03-02 10:00+02'),
              ('00000000-0000-0000-0000-0000000000e1', 'outbound', 'bot', 'hi', '2026-03-02 10:04+02'),
              ('00000000-0000-0000-0000-0000000000e2', 'inbound', 'visitor', 'price?', '2026-03-06 10:00+02'),
              ('00000000-0000-0000-0000-0000000000e2', 'outbound', 'agent', '200', '2026-03-06 10:10+02');

            insert into recordings (id, user_id, source, blob_key, sha256, mime_type, size_bytes, status, created_at) values
              ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000b1', 'practice', 'k1', repeat('a', 64), 'audio/webm', 10, 'analyzed', '2026-03-02 10:00+02'),
              ('00000000-0000-0000-0000-0000000000f2', '00000000-0000-0000-0000-0000000000b1', 'practice', 'k2', repeat('b', 64), 'audio/webm', 10, 'failed', '2026-03-03 10:00+02'),
              ('00000000-0000-0000-0000-0000000000f3', '00000000-0000-0000-0000-0000000000b2', 'lesson', 'k3', repeat('c', 64), 'audio/webm', 10, 'uploaded', '2026-03-03 11:00+02'),
              ('00000000-0000-0000-0000-0000000000f4', '00000000-0000-0000-0000-0000000000b2', 'practice', 'k4', repeat('d', 64), 'audio/webm', 10, 'uploaded', '2026-02-21 11:00+02');
            insert into ai_analysis (recording_id, kind, score, report, created_at) values
              ('00000000-0000-0000-0000-0000000000f1', 'voice', 80, '{}', '2026-03-02 10:01+02'),
              ('00000000-0000-0000-0000-0000000000f3', 'voice', 50, '{}', '2026-03-03 11:01+02');

            insert into search_history (query, result_count, occurred_at) values
              ('Breathing', 3, '2026-03-02 10:00+02'), ('breathing', 0, '2026-03-03 10:00+02'), ('vibrato', 0, '2026-03-04 10:00+02');
            insert into llm_usage (provider, model, tokens_in, tokens_out, cost_usd, occurred_at) values
              ('anthropic', 'claude', 100, 50, 0.01, '2026-03-02 10:00+02'),
              ('anthropic', 'claude', 200, 0, 0.02, '2026-03-03 10:00+02');
            """.formatted(adminId);
    }
}
