package il.co.voicely.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PostgresExtension.class)
class MailersTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final TestDatabase db;

    MailersTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void smtpDeliversUtf8HebrewMail() throws Exception {
        Mailer mailer = Mailer.configured(Optional.of(SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort(), "Voicely <no-reply@voicely.test>")),
                db.database(), Clock.systemUTC());
        assertThat(mailer).isNotInstanceOf(OutboxMailer.class);
        mailer.send(MailMessage.of("Dana@Example.com", "שלום דנה", "שורה ראשונה\nשורה שנייה"));

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("dana@example.com");
        assertThat(received.getSubject()).isEqualTo("שלום דנה");
        assertThat(((String) received.getContent()).replace("\r\n", "\n").strip()).isEqualTo("שורה ראשונה\nשורה שנייה");
    }

    @Test
    void anUnreachableServerFailsLoudlyAndTheMessageStaysInTheOutbox() {
        Mailer mailer = Mailer.configured(Optional.of(SmtpSettings.of("127.0.0.1", 1, "no-reply@voicely.test")),
                db.database(), Clock.systemUTC());
        assertThatThrownBy(() -> mailer.send(MailMessage.of("lost@example.com", "s", "t")))
                .isInstanceOf(MailDeliveryException.class).hasMessageContaining("127.0.0.1:1");
        OutboxMailer outbox = new OutboxMailer(db.database(), Clock.systemUTC());
        assertThat(outbox.list(SessionContext.system(), 500, 0)).filteredOn(m -> m.to().equals("lost@example.com"))
                .singleElement().satisfies(m -> assertThat(m.error()).hasValueSatisfying(e -> assertThat(e).contains("127.0.0.1:1")));
    }

    @Test
    void withoutSmtpMailWaitsInTheOutboxForAdminsOnly() {
        Mailer mailer = Mailer.configured(Optional.empty(), db.database(), Clock.systemUTC());
        assertThat(mailer).isInstanceOf(OutboxMailer.class);
        mailer.send(MailMessage.of("noa@example.com", "קישור אימות", "https://voicely.test/verify-email?token=abc"));

        OutboxMailer outbox = (OutboxMailer) mailer;
        assertThat(outbox.list(SessionContext.user(UUID.randomUUID(), Role.ADMIN), 50, 0))
                .filteredOn(m -> m.to().equals("noa@example.com")).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("noa@example.com");
            assertThat(m.subject()).isEqualTo("קישור אימות");
            assertThat(m.text()).contains("token=abc");
            assertThat(m.sentAt()).isEmpty();
            assertThat(m.error()).isEmpty();
        });
        assertThat(outbox.list(SessionContext.user(UUID.randomUUID(), Role.TEACHER), 50, 0)).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void settingsNeverPrintThePassword() {
        assertThat(SmtpSettings.of("smtp.example.com", 587, "x@example.com").withLogin("user", "s3cret").toString())
                .doesNotContain("s3cret").contains("starttls=true");
    }
}
