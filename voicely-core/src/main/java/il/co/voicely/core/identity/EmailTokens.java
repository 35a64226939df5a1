package il.co.voicely.core.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Single-use, expiring links by e-mail; only the token's SHA-256 is kept. Runs in the caller's transaction. */
final class EmailTokens {

    enum Purpose {
        VERIFY_EMAIL("verify_email"), PASSWORD_RESET("password_reset"), INVITATION("invitation");

        final String sql;

        Purpose(String sql) {
            this.sql = sql;
        }
    }

    record Redeemed(UUID userId, String email) {
    }

    private EmailTokens() {
    }

    /** Issues a new token for {@code userId}, first voiding any earlier unused one of the same purpose. */
    static String issue(Handle h, UUID userId, String email, Purpose purpose, Instant now, Instant expires) {
        h.createUpdate("update email_tokens set used_at = :now where user_id = :userId and purpose = :purpose and used_at is null")
                .bind("now", UserSessions.utc(now))
                .bind("userId", userId)
                .bind("purpose", purpose.sql)
                .execute();
        String token = Tokens.newToken();
        h.createUpdate("""
                        insert into email_tokens (user_id, email, purpose, token_hash, created_at, expires_at)
                        values (:userId, :email, :purpose, :hash, :now, :expires)
                        """)
                .bind("userId", userId)
                .bind("email", email)
                .bind("purpose", purpose.sql)
                .bind("hash", Tokens.hash(token))
                .bind("now", UserSessions.utc(now))
                .bind("expires", UserSessions.utc(expires))
                .execute();
        return token;
    }

    /**
     * Marks the token used and says whose it was, in one statement, so two clicks racing each other
     * cannot both succeed. Empty for an unknown, expired, used or other-purpose token.
     */
    static Optional<Redeemed> redeem(Handle h, String token, Purpose purpose, Instant now) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return h.createQuery("""
                        update email_tokens set used_at = :now
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning user_id, email
                        """)
                .bind("now", UserSessions.utc(now))
                .bind("hash", Tokens.hash(token))
                .bind("purpose", purpose.sql)
                .map((rs, ctx) -> new Redeemed(rs.getObject("user_id", UUID.class), rs.getString("email")))
                .findOne();
    }
}
