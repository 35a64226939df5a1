package il.co.voicely.app.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.app.AppSettings;
import il.co.voicely.app.InvalidSettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WidgetOriginsSettingsTest {

    @Test
    void theWidgetAllowListIsReadAsOriginsWithoutTrailingSlashes() {
        AppSettings settings = AppSettings.load(Map.of("VOICELY_WIDGET_ORIGINS", "https://school.example/, http://localhost:3000"));

        assertThat(settings.widgetOrigins()).containsExactly("https://school.example", "http://localhost:3000");
    }

    @Test
    void anEntryWithAPathNamesTheVariableAndTheValue() {
        assertThatThrownBy(() -> AppSettings.load(Map.of("VOICELY_WIDGET_ORIGINS", "https://school.example/contact")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("VOICELY_WIDGET_ORIGINS").hasMessageContaining("https://school.example/contact");
    }

    @Test
    void withoutTheVariableNoOtherSiteMayEmbedTheWidget() {
        assertThat(AppSettings.load(Map.of()).widgetOrigins()).isEmpty();
    }
}
