package il.co.voicely.app.settings;

import il.co.voicely.core.audit.AuditEntry;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.AuthenticatedUser;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user's own profile row and language, read and written in their row-level security context (the
 * policies let a user touch only their own {@code users} and {@code profiles} rows).
 */
public final class Profiles {

    /** E.164: a plus, a country code not starting with 0, at most 15 digits in all (WhatsApp's format). */
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final Database db;
    private final AuditLog audit;

    @Inject
    Profiles(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** What the settings page shows and edits. */
    public record Profile(String displayName, String phone) {
    }

    /** The user's profile; empty fields when they have no profile row yet. */
    public Profile of(AuthenticatedUser user) {
        return db.inContext(user.context(), h -> h.createQuery("select display_name, phone from profiles where user_id = :id")
                .bind("id", user.userId())
                .map((rs, ctx) -> new Profile(Optional.ofNullable(rs.getString("display_name")).orElse(""),
                        Optional.ofNullable(rs.getString("phone")).orElse("")))
                .findOne()
                .orElse(new Profile("", "")));
    }

    /** The phone as stored: spaces, dashes, dots and brackets dropped, an Israeli 05x number given +972. */
    static Optional<String> normalizePhone(String typed) {
        String digits = typed.replaceAll("[\\s\\-().]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.matches("0[1-9][0-9]{7,8}")) {
            digits = "+972" + digits.substring(1);
        }
        return E164.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** Saves name and phone (already checked); an empty phone clears it. */
    void update(AuthenticatedUser user, String displayName, Optional<String> phone, String ip, String userAgent) {
        db.useContext(user.context(), h -> {
            h.createUpdate("""
                            insert into profiles (user_id, display_name, phone) values (:id, :name, :phone)
                            on conflict (user_id) do update set display_name = excluded.display_name, phone = excluded.phone
                            """)
                    .bind("id", user.userId()).bind("name", displayName).bind("phone", phone.orElse(null)).execute();
            audit.append(h, AuditEntry.of("user.profile_updated").actor(user.userId()).target("user", user.userId().toString())
                    .client(ip, userAgent));
        });
    }

    /** Stores the language the user picked, so every device and every e-mail uses it. */
    void setLocale(AuthenticatedUser user, String locale) {
        db.useContext(user.context(), h -> h.createUpdate("update users set locale = :locale where id = :id")
                .bind("locale", locale).bind("id", user.userId()).execute());
    }
}
