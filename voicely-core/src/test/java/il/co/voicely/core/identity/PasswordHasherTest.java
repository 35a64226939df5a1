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
}
