package il.co.voicely.app.demo;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PasswordHasher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Fills an empty embedded database with a small school to click through: an admin, a teacher, two
 * students, a choir group and a few lessons (one past, upcoming private ones, a group one), and the students'
 * practice, recordings and stars played through the achievement engine ({@link DemoProgress}), and a few
 * fictional website pages for the chat assistant ({@link DemoSite}).
 *
 * <pre>{@code
 * new DemoSeeder(PasswordHasher.defaults(), new SecureRandom()).seedIfEmpty(database, System.out);
 * }</pre>
 *
 * <p>Only for the embedded database: a school's real database must never get demo accounts. The marker is
 * "the users table is empty", checked in the same transaction as the inserts, so a second run (or a run
 * against a database someone already uses) does nothing.
 */
public final class DemoSeeder {

    /** The demo admin's sign-in e-mail. */
    public static final String ADMIN_EMAIL = "admin@voicely.local";

    private static final String PEOPLE_AND_LESSONS = "seed.sql";
    // No look-alikes (0/O, 1/l/I), so the printed password can be typed from a screen.
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 16;

    private final PasswordHasher hasher;
    private final SecureRandom random;

    /** A seeder hashing with {@code hasher} and drawing passwords from {@code random}. */
    public DemoSeeder(PasswordHasher hasher, SecureRandom random) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Seeds when the database has no user yet and prints the admin's password to {@code out} once.
     *
     * @return the admin's password when this call seeded, empty when the database already had users
     */
    public Optional<String> seedIfEmpty(Database database, PrintStream out) {
        String password = newPassword();
        boolean seeded = database.inContext(SessionContext.system(), handle -> {
            // Serialises two app instances starting on the same fresh database at once.
            handle.execute("lock table users in share row exclusive mode");
            if (handle.createQuery("select exists (select 1 from users)").mapTo(Boolean.class).one()) {
                return false;
            }
            handle.createUpdate("insert into users (email, password_hash, password_params, status, email_verified_at)"
                            + " values (:email, :hash, 'argon2id', 'active', now())")
                    .bind("email", ADMIN_EMAIL)
                    .bind("hash", hasher.hash(password))
                    .execute();
            handle.createScript(script()).execute();
            return true;
        });
        // After the commit: the engine writes in its own transactions, about users that must already exist.
        DemoProgress.playIfDemo(database, Clock.systemUTC());
        if (!seeded) {
            return Optional.empty();
        }
        // First run only, after the commit: the chat assistant answers from these pages.
        DemoSite.index(database);
        out.println("Demo admin: " + ADMIN_EMAIL + " / " + password);
        return Optional.of(password);
    }

    private String newPassword() {
        StringBuilder sb = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String script() {
        try (InputStream in = DemoSeeder.class.getResourceAsStream(PEOPLE_AND_LESSONS)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + PEOPLE_AND_LESSONS + " beside " + DemoSeeder.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + PEOPLE_AND_LESSONS, e);
        }
    }
}
