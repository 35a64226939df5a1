package il.co.voicely.rag.assist;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * A short conversational form — name, phone, email, interest, consent — driven by the visitor's replies and
 * stored in {@code leads}, one row per visitor key.
 *
 * <pre>{@code
 * LeadCapture leads = new LeadCapture(db, Clock.systemUTC());
 * LeadPrompt p = leads.start("visitor-42", Language.HEBREW, Optional.of("שיעור ניסיון")); // "איך קוראים לך?"
 * p = leads.reply("visitor-42", "נועה כהן");     // asks for the phone
 * p = leads.reply("visitor-42", "050-1234567");  // stored as +972501234567; asks for the email
 * }</pre>
 *
 * <p>The step lives in the lead's {@code metadata}, not in memory, so any app instance can take the next
 * reply. Starting again for a known visitor updates the same row ({@code on conflict (visitor_key)}). Leads
 * are staff data under row-level security; the form writes them as the system on the visitor's behalf and
 * never reads one visitor's details back to another.
 */
public final class LeadCapture {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> SKIP = Set.of("-", "דלג", "אין", "לא", "skip", "none", "no");
    private static final Set<String> YES = Set.of("כן", "מאשר", "מאשרת", "בטח", "אוקיי", "yes", "y", "ok", "sure", "i agree", "agree");
    private static final Set<String> NO = Set.of("לא", "לא מאשר", "לא מאשרת", "no", "n", "nope");

    private final Database db;
    private final Clock clock;

    public LeadCapture(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Opens (or reopens) the visitor's form at the first question, remembering what they are interested in. */
    public LeadPrompt start(String visitorKey, Language language, Optional<String> interest) {
        requireKey(visitorKey);
        UUID id = db.inContext(SessionContext.system(), h -> h.createQuery("""
                        insert into leads (visitor_key, source, interest, metadata, updated_at)
                        values (:key, 'widget', :interest,
                                jsonb_build_object('step', 'NAME', 'language', cast(:language as text)), :now)
                        on conflict (visitor_key) do update
                            set interest = coalesce(excluded.interest, leads.interest),
                                metadata = leads.metadata || excluded.metadata,
                                updated_at = excluded.updated_at
                        returning id""")
                .bind("key", visitorKey).bind("interest", interest.orElse(null))
                .bind("language", language.name()).bind("now", now())
                .mapTo(UUID.class).one());
        return new LeadPrompt(id, LeadStep.NAME, question(LeadStep.NAME, language), false);
    }

    /** Takes the visitor's answer to the open question and asks the next one (or the same one again). */
    public LeadPrompt reply(String visitorKey, String text) {
        requireKey(visitorKey);
        return db.inContext(SessionContext.system(), h -> {
            Lead lead = find(h, visitorKey).orElseThrow(() -> new IllegalStateException(
                    "no lead form was started for visitor '" + visitorKey + "'"));
            String answer = text.strip();
            LeadStep step = lead.step();
            if (step == LeadStep.DONE) {
                return new LeadPrompt(lead.id(), step, question(step, lead.language()), false);
            }
            String value = accepted(step, answer);
            if (value == null) {
                return new LeadPrompt(lead.id(), step, again(step, lead.language()), true);
            }
            store(h, lead, step, value);
            LeadStep next = step.next();
            String reply = step == LeadStep.CONSENT && value.equals("no")
                    ? lead.language().pick("בסדר, לא שמרנו את פרטי הקשר שלך. אפשר להמשיך לשאול אותי כל שאלה.",
                    "All right, we have not kept your contact details. Feel free to keep asking me anything.")
                    : question(next, lead.language());
            return new LeadPrompt(lead.id(), next, reply, false);
        });
    }

    /** The visitor's lead, as staff would see it. */
    public Optional<Lead> find(String visitorKey) {
        return db.inContext(SessionContext.system(), h -> find(h, visitorKey));
    }

    private void store(Handle h, Lead lead, LeadStep step, String value) {
        String next = step.next().name();
        // One statement per column: column names cannot be bound, and none is ever built from input.
        String sql = switch (step) {
            case NAME -> "update leads set name = :value, metadata = metadata || jsonb_build_object('step', cast(:next as text)), updated_at = :now where id = :id";
            case PHONE -> "update leads set phone = :value, metadata = metadata || jsonb_build_object('step', cast(:next as text)), updated_at = :now where id = :id";
            case EMAIL -> "update leads set email = nullif(:value, ''), metadata = metadata || jsonb_build_object('step', cast(:next as text)), updated_at = :now where id = :id";
            case INTEREST -> "update leads set interest = :value, metadata = metadata || jsonb_build_object('step', cast(:next as text)), updated_at = :now where id = :id";
            case CONSENT -> """
                    update leads set
                        name = case when :value = 'yes' then name end,
                        phone = case when :value = 'yes' then phone end,
                        email = case when :value = 'yes' then email end,
                        metadata = metadata || jsonb_build_object('step', cast(:next as text), 'consent', :value = 'yes',
                                                                  'consent_at', cast(:now as timestamptz)),
                        updated_at = :now
                    where id = :id""";
            case DONE -> throw new IllegalArgumentException("the form is finished");
        };
        h.createUpdate(sql).bind("value", value).bind("next", next).bind("now", now()).bind("id", lead.id()).execute();
    }

    private static Optional<Lead> find(Handle h, String visitorKey) {
        return h.createQuery("""
                        select id, visitor_key, name, phone, email, interest, metadata->>'consent' as consent,
                               coalesce(metadata->>'step', 'DONE') as step, coalesce(metadata->>'language', 'HEBREW') as language
                        from leads where visitor_key = :key""")
                .bind("key", visitorKey)
                .map((rs, ctx) -> new Lead(rs.getObject("id", UUID.class), rs.getString("visitor_key"),
                        Optional.ofNullable(rs.getString("name")), Optional.ofNullable(rs.getString("phone")),
                        Optional.ofNullable(rs.getString("email")), Optional.ofNullable(rs.getString("interest")),
                        Optional.ofNullable(rs.getString("consent")).map(Boolean::parseBoolean),
                        LeadStep.valueOf(rs.getString("step")), Language.valueOf(rs.getString("language"))))
                .findOne();
    }

    /** The stored form of a reply to {@code step}, "" for a skipped email; null when the reply is not accepted. */
    private static String accepted(LeadStep step, String answer) {
        return switch (step) {
            case NAME -> answer.isEmpty() || answer.length() > 200 ? null : answer;
            case PHONE -> PhoneNumbers.normalise(answer).orElse(null);
            case EMAIL -> skip(answer) ? "" : EMAIL.matcher(answer).matches() ? answer.toLowerCase(Locale.ROOT) : null;
            case INTEREST -> answer.isEmpty() ? null : answer.length() > 500 ? answer.substring(0, 500) : answer;
            case CONSENT -> YES.contains(lower(answer)) ? "yes" : NO.contains(lower(answer)) ? "no" : null;
            case DONE -> null;
        };
    }

    static String question(LeadStep step, Language l) {
        return switch (step) {
            case NAME -> l.pick("אשמח לחזור אליך. איך קוראים לך?", "I'd be glad to get back to you. What is your name?");
            case PHONE -> l.pick("מה מספר הטלפון שלך?", "What is your phone number?");
            case EMAIL -> l.pick("ומה כתובת האימייל? (אפשר לכתוב \"דלג\")", "And your email address? (you can write \"skip\")");
            case INTEREST -> l.pick("במה מתעניינים? (למשל שיעור ניסיון, שיעורים פרטיים, תוכנית הנוער)",
                    "What are you interested in? (e.g. a trial lesson, private lessons, the juniors programme)");
            case CONSENT -> l.pick("האם את/ה מאשר/ת שנשמור את הפרטים וניצור איתך קשר? (כן/לא)",
                    "May we keep these details and contact you? (yes/no)");
            case DONE -> l.pick("תודה! מישהו מהצוות יחזור אליך בהקדם.", "Thank you! Someone from our team will be in touch soon.");
        };
    }

    private static String again(LeadStep step, Language l) {
        String hint = switch (step) {
            case PHONE -> l.pick("לא הצלחתי לקרוא את המספר (למשל 050-1234567). ", "I couldn't read that number (e.g. 050-1234567). ");
            case EMAIL -> l.pick("זו לא נראית כתובת אימייל. ", "That doesn't look like an email address. ");
            case CONSENT -> l.pick("צריך לענות כן או לא. ", "Please answer yes or no. ");
            default -> "";
        };
        return hint + question(step, l);
    }

    private static boolean skip(String answer) {
        return SKIP.contains(lower(answer));
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[.!,]+$", "");
    }

    private static void requireKey(String visitorKey) {
        if (visitorKey == null || visitorKey.isBlank()) {
            throw new IllegalArgumentException("a lead needs a visitor key, was '" + visitorKey + "'");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
