package il.co.voicely.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = PasswordHasher.withParameters(8 * 1024, 1, 1);

    @Test
    void aHashVerifiesTheSamePasswordOnlyAndCarriesItsParameters() {
        String stored = hasher.hash("סיסמה-ארוכה-מאוד");
        assertThat(stored).startsWith("$argon2id$v=19$m=8192,t=1,p=1$");
        assertThat(hasher.verify("סיסמה-ארוכה-מאוד", stored)).isTrue();
        assertThat(hasher.verify("סיסמה-ארוכה-מאוה", stored)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void malformedHashesNeverVerify() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$garbage")).isFalse();
        assertThat(hasher.verify("x", null)).isFalse();
    }

    @Test
    void hashesMadeWithWeakerParametersAskForARehash() {
        String weak = hasher.hash("pw");
        assertThat(PasswordHasher.defaults().needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(weak)).isFalse();
        assertThat(hasher.needsRehash("not a hash")).isTrue();
    }

    @Test
    void refusesParametersBelowTheFloor() {
        assertThatThrownBy(() -> PasswordHasher.withParameters(1024, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsCostTensOfMillisecondsAndAtLeast19MiB() {
        PasswordHasher defaults = PasswordHasher.defaults();
        String stored = defaults.hash("warm up the JIT");
        assertThat(stored).matches("\\$argon2id\\$v=19\\$m=(\\d+),t=\\d+,p=\\d+\\$.*");
        int memoryKib = Integer.parseInt(stored.replaceAll(".*\\$m=(\\d+),.*", "$1"));
        assertThat(memoryKib).isGreaterThanOrEqualTo(19 * 1024);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            defaults.hash("correct horse battery staple");
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("Argon2id defaults (%s): best of 3 = %d ms%n", stored.substring(0, stored.indexOf("$", 16)), best / 1_000_000);
        // Loose bounds: a shared CI machine is noisy; the target (~50–100 ms) is checked by hand and noted in the README.
        assertThat(best / 1_000_000).isBetween(10L, 1_000L);
    }
}
