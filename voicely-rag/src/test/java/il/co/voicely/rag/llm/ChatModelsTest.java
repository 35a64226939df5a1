package il.co.voicely.rag.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatModelsTest {

    @Test
    void withNoProviderConfiguredThereIsNoModel() {
        assertThat(ChatModels.fromSettings(LlmSettings.none())).isEmpty();
        assertThat(ChatModels.fromSettings(LlmSettings.fromEnvironment(Map.of()))).isEmpty();
    }

    @Test
    void oneProviderIsUsedDirectlyAndSeveralInFallbackOrder() {
        LlmSettings.Provider claude = LlmSettings.Provider.anthropic("k", "claude-sonnet-4-5");
        LlmSettings.Provider gemini = LlmSettings.Provider.gemini("k", "gemini-2.5-flash");

        assertThat(ChatModels.fromSettings(LlmSettings.of(claude)).orElseThrow().name())
                .isEqualTo("anthropic/claude-sonnet-4-5");
        assertThat(ChatModels.fromSettings(LlmSettings.of(gemini, claude)).orElseThrow())
                .isInstanceOf(FallbackChatModel.class)
                .extracting(ChatModel::name).isEqualTo("fallback(gemini/gemini-2.5-flash, anthropic/claude-sonnet-4-5)");
    }

    @Test
    void environmentVariablesChooseProvidersModelsAndOrder() {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of(
                "ANTHROPIC_API_KEY", "sk-ant",
                "VOICELY_OPENAI_BASE_URL", "http://localhost:11434/v1/",
                "VOICELY_OPENAI_MODEL", "llama3.1",
                "VOICELY_LLM_ORDER", "openai, anthropic"));

        assertThat(settings.providers()).containsExactly(
                LlmSettings.Provider.openAiCompatible(URI.create("http://localhost:11434/v1"), Optional.empty(), "llama3.1"),
                LlmSettings.Provider.anthropic("sk-ant", "claude-sonnet-4-5"));
    }

    @Test
    void anUnknownProviderInTheOrderIsNamedInTheError() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("VOICELY_LLM_ORDER", "anthropic,mistral")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'mistral'");
    }

    @Test
    void hostedProvidersNeedAKeyButLocalServersDoNot() {
        assertThatThrownBy(() -> LlmSettings.Provider.anthropic(" ", "claude-sonnet-4-5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key");
        assertThat(LlmSettings.Provider.openAiCompatible(URI.create("http://127.0.0.1:8080/v1"), Optional.empty(), "qwen"))
                .isNotNull();
    }

    @Test
    void settingsCanBeLoggedWithoutTheKey() {
        assertThat(LlmSettings.Provider.anthropic("sk-ant-secret", "claude-sonnet-4-5").toString())
                .doesNotContain("sk-ant-secret").contains("***");
    }
}
