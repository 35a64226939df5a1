package il.co.voicely.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void longUncommonPasswordsPassIncludingHebrew() {
        assertThatNoException().isThrownBy(() -> policy.check("Violet-Scales-2024"));
        assertThatNoException().isThrownBy(() -> policy.check("שיר-של-בוקר-ארוך"));
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThatThrownBy(() -> policy.check("abc12345!"))
                .isInstanceOfSatisfying(AccountInputException.class, e -> assertThat(e.code()).isEqualTo("password.too_short"));
        assertThatThrownBy(() -> policy.check(null)).isInstanceOf(AccountInputException.class);
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheCase() {
        assertThat(policy.isCommon("password")).isTrue();
        assertThat(policy.isCommon("QWERTYUIOP")).isTrue();
        for (String common : new String[] {"1234567890", "qwertyuiop", "Password123"}) {
            if (policy.isCommon(common)) {
                assertThatThrownBy(() -> policy.check(common))
                        .isInstanceOfSatisfying(AccountInputException.class, e -> assertThat(e.code()).isEqualTo("password.too_common"));
            }
        }
        assertThat(policy.isCommon("1234567890")).isTrue();
    }
}
