package il.co.voicely.app.webhooks;

import il.co.voicely.app.jobs.JobQueue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.chat.Channel;
import il.co.voicely.core.chat.ChatMessage;
import il.co.voicely.core.chat.Contact;
import il.co.voicely.core.chat.Conversation;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.DeliveryStatus;
import il.co.voicely.core.chat.NewMessage;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.AccountMail;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.identity.PasswordPolicy;
import il.co.voicely.core.identity.SessionPolicy;
import il.co.voicely.core.identity.UserAdministration;
import il.co.voicely.core.identity.UserSessions;
import il.co.voicely.core.jobs.Jobs;
import il.co.voicely.core.mail.Mailer;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.integrations.http.Retries;
import il.co.voicely.integrations.whatsapp.WhatsAppClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class WhatsAppOutboxTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String WAMID = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private WireMockServer meta;
    private JobQueue queue;
    private Conversations conversations;
    private WhatsAppOutbox outbox;
    private SessionContext agent;

    @BeforeEach
    void start(Database db) {
        meta = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        meta.start();
        meta.stubFor(WireMock.post(urlPathEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+972501234567\",\"wa_id\":\"972501234567\"}],"
                        + "\"messages\":[{\"id\":\"" + WAMID + "\"}]}")));
        WhatsAppClient client = WhatsAppClient.builder().accessToken("test-token").phoneNumberId(PHONE_NUMBER_ID)
                .baseUri(URI.create(meta.baseUrl())).retries(Retries.none()).build();
        queue = new JobQueue(db, Jobs.JobSettings.defaults().withPollingInterval(Duration.ofMillis(200)));
        conversations = new Conversations(db, clock);
        outbox = new WhatsAppOutbox(db, conversations, queue, clock, Optional.of(client));
        queue.start();
        agent = SessionContext.user(teacher(db), Role.TEACHER);
    }

    @AfterEach
    void stop() {
        queue.close();
        meta.stop();
    }

    @Test
    void replyWithinTheWindowReachesMetaAndIsTrackedByItsMessageId(Database db) {
        Conversation chat = contactWrites();
        clock.advance(Duration.ofHours(23));

        ChatMessage pending = outbox.reply(agent, chat.id(), "See you on Sunday");

        assertThat(pending.deliveryStatus()).hasValue(DeliveryStatus.PENDING);
        awaitSent(db, pending.id());
        assertThat(meta.findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages"))
                .withRequestBody(containing("See you on Sunday")).withRequestBody(containing("972501234567")))).hasSize(1);
        assertThat(conversations.updateDeliveryByProviderId(SessionContext.system(), WAMID, DeliveryStatus.READ, null))
                .hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(pending.id()));
    }

    @Test
    void replyAfterTheWindowIsRefusedAndNothingIsStoredOrSent(Database db) {
        Conversation chat = contactWrites();
        clock.advance(Duration.ofHours(24).plusMinutes(1));

        assertThatThrownBy(() -> outbox.reply(agent, chat.id(), "Are you still there?"))
                .isInstanceOf(CustomerServiceWindowClosedException.class)
                .hasMessageContaining("only a template can be sent");
        assertThat(conversations.messagesAfter(agent, chat.id(), 0, 10)).hasSize(1);
        assertThat(meta.findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages")))).isEmpty();
    }

    private Conversation contactWrites() {
        Conversation chat = conversations.openOrGet(SessionContext.system(), Channel.WHATSAPP,
                Contact.external("972501234567").withPhone("+972501234567"));
        conversations.receive(SessionContext.system(), chat.id(), NewMessage.text("Is there a lesson on Sunday?")
                .withProviderId("wamid.inbound-" + UUID.randomUUID()));
        return chat;
    }

    private void awaitSent(Database db, long messageId) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            String status = db.inContext(SessionContext.system(), h -> h.createQuery(
                    "select delivery_status from chat_messages where id = :id").bind("id", messageId).mapTo(String.class).one());
            if (status.equals("sent")) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("message " + messageId + " was not sent within 15 s");
    }

    private static UUID teacher(Database db) {
        String email = "outbox-agent@example.com";
        Optional<UUID> existing = db.inContext(SessionContext.system(), h -> h.createQuery("select id from users where email = :email")
                .bind("email", email).mapTo(UUID.class).findOne());
        if (existing.isPresent()) {
            return existing.get();
        }
        Clock real = Clock.systemUTC();
        AuditLog audit = new AuditLog(db, real);
        return new UserAdministration(db, new UserSessions(db, audit, SessionPolicy.defaults(), real), audit,
                new AccountMail(Mailer.configured(Optional.empty(), db, real), URI.create("http://localhost")),
                PasswordHasher.defaults(), PasswordPolicy.standard(), real)
                .createAccount(email, Role.TEACHER, "a singing lesson at noon", "he");
    }

    /** A clock the test moves by hand, so the 24-hour window can pass in a millisecond. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
