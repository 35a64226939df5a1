-- The rules engine's bookkeeping and the default achievements.
-- Rules are data: an admin adds a row with one of the rule types documented in
-- il.co.voicely.gamification.rules.AchievementRule (count, streak, metric, improvement, stars).

-- Stars an event added on exercises, so weekly/monthly boards can sum stars earned in a period.
alter table gamification_events
    add column stars_gained smallint not null default 0 check (stars_gained >= 0);
create index gamification_events_user_type_idx on gamification_events (user_id, type, occurred_at);
create index gamification_events_stars_idx on gamification_events (occurred_at) where stars_gained > 0;
create index user_achievements_awarded_at_idx on user_achievements (awarded_at);

-- Stars on an exercise are celebrated too (no achievement row: one per improvement).
alter table celebrations drop constraint celebrations_kind_check;
alter table celebrations add constraint celebrations_kind_check
    check (kind in ('achievement', 'streak', 'level', 'stars'));

insert into achievements (code, title_he, title_en, description_he, description_en, category, rule, stars, sort_order) values
    ('lessons.first', 'שיעור ראשון', 'First lesson', 'השתתפת בשיעור הראשון שלך', 'You attended your first lesson',
     'lessons', '{"type":"count","event":"lesson.attended","min":1}', 1, 10),
    ('lessons.5', '5 שיעורים', '5 lessons', 'השתתפת ב-5 שיעורים', 'You attended 5 lessons',
     'lessons', '{"type":"count","event":"lesson.attended","min":5}', 1, 11),
    ('lessons.25', '25 שיעורים', '25 lessons', 'השתתפת ב-25 שיעורים', 'You attended 25 lessons',
     'lessons', '{"type":"count","event":"lesson.attended","min":25}', 2, 12),
    ('lessons.100', '100 שיעורים', '100 lessons', 'השתתפת ב-100 שיעורים', 'You attended 100 lessons',
     'lessons', '{"type":"count","event":"lesson.attended","min":100}', 3, 13),
    ('streak.3', 'רצף של 3 ימים', '3-day streak', 'תרגלת 3 ימים ברצף', 'You practised 3 days in a row',
     'streaks', '{"type":"streak","days":3}', 1, 20),
    ('streak.7', 'רצף של שבוע', '7-day streak', 'תרגלת 7 ימים ברצף', 'You practised 7 days in a row',
     'streaks', '{"type":"streak","days":7}', 2, 21),
    ('streak.30', 'רצף של 30 ימים', '30-day streak', 'תרגלת 30 ימים ברצף', 'You practised 30 days in a row',
     'streaks', '{"type":"streak","days":30}', 3, 22),
    ('recordings.first', 'הקלטה ראשונה', 'First recording', 'ההקלטה הראשונה שלך נותחה', 'Your first recording was analysed',
     'recordings', '{"type":"count","event":"recording.analysed","min":1}', 1, 30),
    ('range.plus1', 'המנעד התרחב', 'Range widened', 'המנעד שלך גדל בחצי טון לפחות מאז ההקלטה הראשונה',
     'Your range grew by at least a semitone since your first recording',
     'voice', '{"type":"improvement","event":"recording.analysed","metric":"rangeSemitones","delta":1}', 2, 40),
    ('accuracy.90', 'דיוק של 90%', '90% note accuracy', 'שרת תרגיל בדיוק של 90% לפחות', 'You sang an exercise with at least 90% note accuracy',
     'voice', '{"type":"metric","event":"recording.analysed","metric":"noteAccuracyPercent","min":90}', 2, 41),
    ('exercise.stars', 'כוכב ראשון', 'First star', 'כוכבים לכל תרגיל: 60, 80 ו-95 נקודות', 'Stars per exercise at scores 60, 80 and 95',
     'exercises', '{"type":"stars","event":"exercise.completed","metric":"score","thresholds":[60,80,95]}', 0, 50);
