package il.co.voicely.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.app.AppSettings;
import il.co.voicely.app.InvalidSettingsException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationSettingsTest {

    @Test
    void nothingConfiguredMeansWebhooksOffAndTheRealApiBases() {
        IntegrationSettings integrations = AppSettings.load(Map.of()).integrations();

        assertThat(integrations.whatsappAppSecret()).isEmpty();
        assertThat(integrations.calcomWebhookSecret()).isEmpty();
        assertThat(integrations.whatsappApiBase()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(integrations.calcomApiBase()).isEqualTo(URI.create("https://api.cal.com"));
    }

    @Test
    void environmentVariablesConfigureBothProvidersAndSecretsStayOutOfToString() {
        AppSettings settings = AppSettings.load(Map.of(
                "VOICELY_WHATSAPP_APP_SECRET", "meta-secret",
                "VOICELY_WHATSAPP_VERIFY_TOKEN", "verify",
                "VOICELY_WHATSAPP_ACCESS_TOKEN", "token",
                "VOICELY_WHATSAPP_PHONE_NUMBER_ID", "1065",
                "VOICELY_WHATSAPP_API_BASE", "http://127.0.0.1:9999",
                "VOICELY_CALCOM_API_KEY", "cal_live_key",
                "VOICELY_CALCOM_WEBHOOK_SECRET", "cal-secret",
                "VOICELY_CALCOM_API_BASE", "https://cal.staging.example"));

        IntegrationSettings integrations = settings.integrations();
        assertThat(integrations.whatsappAppSecret()).hasValue("meta-secret");
        assertThat(integrations.whatsappVerifyToken()).hasValue("verify");
        assertThat(integrations.whatsappAccessToken()).hasValue("token");
        assertThat(integrations.whatsappPhoneNumberId()).hasValue("1065");
        assertThat(integrations.whatsappApiBase()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(integrations.calcomApiKey()).hasValue("cal_live_key");
        assertThat(integrations.calcomWebhookSecret()).hasValue("cal-secret");
        assertThat(integrations.calcomApiBase()).isEqualTo(URI.create("https://cal.staging.example"));
        assertThat(settings.toString()).doesNotContain("meta-secret", "cal-secret", "cal_live_key", "token,");
    }

    @Test
    void anApiBaseThatIsNotAnAddressIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> AppSettings.load(Map.of("VOICELY_CALCOM_API_BASE", "api.cal.com")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("VOICELY_CALCOM_API_BASE");
    }
}
