package il.co.voicely.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSettingsTest {

    @Test
    void withNoVariablesTheAppListensEverywhereOn8080WithTheEmbeddedDatabaseInTheHomeFolder() {
        AppSettings settings = AppSettings.load(Map.of());

        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".voicely"));
        assertThat(settings.postgresDataDirectory()).isEqualTo(settings.home().resolve("pg"));
        assertThat(settings.externalDatabase()).isEmpty();
        assertThat(settings.postgresOsUser()).isEqualTo("postgres");
    }

    @Test
    void variablesOverrideTheDefaults() {
        AppSettings settings = AppSettings.load(Map.of(
                "VOICELY_PORT", "9090", "VOICELY_HOST", "127.0.0.1", "VOICELY_HOME", "/srv/voicely",
                "VOICELY_PG_OS_USER", "pgrunner", "UNRELATED", "ignored"));

        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.home()).isEqualTo(Path.of("/srv/voicely"));
        assertThat(settings.postgresOsUser()).isEqualTo("pgrunner");
    }

    @Test
    void aDatabaseUrlSelectsTheExternalDatabaseWithTheDefaultAppRole() {
        AppSettings settings = AppSettings.load(Map.of(
                "VOICELY_DB_URL", "jdbc:postgresql://db.internal:5432/voicely",
                "VOICELY_DB_USER", "owner", "VOICELY_DB_PASSWORD", "s3cret",
                "VOICELY_DB_APP_PASSWORD", "app-s3cret", "VOICELY_DB_POOL_SIZE", "20"));

        assertThat(settings.externalDatabase()).hasValueSatisfying(db -> {
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/voicely");
            assertThat(db.ownerUser()).isEqualTo("owner");
            assertThat(db.appUser()).isEqualTo("voicely_app");
            assertThat(db.appPassword()).isEqualTo("app-s3cret");
            assertThat(db.poolSize()).isEqualTo(20);
        });
    }

    @Test
    void aDatabaseUrlWithoutTheAppPasswordNamesTheMissingVariable() {
        assertThatThrownBy(() -> AppSettings.load(Map.of(
                "VOICELY_DB_URL", "jdbc:postgresql://db.internal/voicely",
                "VOICELY_DB_USER", "owner", "VOICELY_DB_PASSWORD", "s3cret")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("VOICELY_DB_APP_PASSWORD");
    }

    @Test
    void aMalformedPortNamesTheVariableAndTheValue() {
        assertThatThrownBy(() -> AppSettings.load(Map.of("VOICELY_PORT", "eighty")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("VOICELY_PORT")
                .hasMessageContaining("eighty");
    }

    @Test
    void transcriptionVariablesChooseTheEngineAndABareModelNameIsLookedUpInTheHomeModelsFolder() {
        AppSettings none = AppSettings.load(Map.of());
        AppSettings configured = AppSettings.load(Map.of("VOICELY_HOME", "/srv/voicely",
                "VOICELY_WHISPER_MODEL", "ggml-small.bin", "VOICELY_TRANSCRIBE_URL", "http://whisper.internal:8000",
                "VOICELY_TRANSCRIBE_API_KEY", "sk-test", "VOICELY_TRANSCRIBE_MODEL", "large-v3"));

        assertThat(none.transcription()).isEqualTo(il.co.voicely.audio.transcribe.TranscriptionSettings.none());
        assertThat(configured.transcription().whisperModel()).contains(Path.of("/srv/voicely/models/ggml-small.bin"));
        assertThat(configured.transcription().serverUrl()).contains(java.net.URI.create("http://whisper.internal:8000"));
        assertThat(configured.transcription().serverModel()).isEqualTo("large-v3");
        assertThat(configured.transcription().language()).isEqualTo("he");
        assertThat(configured.toString()).doesNotContain("sk-test");
        assertThatThrownBy(() -> AppSettings.load(Map.of("VOICELY_TRANSCRIBE_URL", "whisper.internal")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("VOICELY_TRANSCRIBE_URL");
    }

    @Test
    void withNoModelVariablesTheAssistantsHaveNoLanguageModel() {
        assertThat(AppSettings.load(Map.of()).llm().providers()).isEmpty();
    }

    @Test
    void modelVariablesConfigureTheProvidersInTheirFallbackOrder() {
        AppSettings settings = AppSettings.load(Map.of(
                "OPENAI_API_KEY", "sk-test", "VOICELY_OPENAI_MODEL", "gpt-test",
                "ANTHROPIC_API_KEY", "ak-test",
                "VOICELY_LLM_ORDER", "openai,anthropic"));

        assertThat(settings.llm().providers()).extracting(p -> p.model()).containsExactly("gpt-test", "claude-sonnet-4-5");
    }

    @Test
    void anUnknownProviderInTheOrderNamesTheVariable() {
        assertThatThrownBy(() -> AppSettings.load(Map.of("VOICELY_LLM_ORDER", "openai,skynet")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("VOICELY_LLM_ORDER")
                .hasMessageContaining("skynet");
    }
}
