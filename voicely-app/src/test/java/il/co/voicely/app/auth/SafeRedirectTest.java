package il.co.voicely.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectTest {

    @ParameterizedTest
    @ValueSource(strings = {"/settings", "/lessons/12?tab=notes", "/a/b#c"})
    void localPathsAreKept(String next) {
        assertThat(SafeRedirect.target(Optional.of(next))).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "///evil.example", "/\\evil.example", "https://evil.example", "evil.example",
            "javascript:alert(1)", "/ok\r\nLocation: https://evil.example", "", "/\tevil"})
    void anythingElseGoesToTheDashboard(String next) {
        assertThat(SafeRedirect.target(Optional.of(next))).isEqualTo("/dashboard");
    }
}
