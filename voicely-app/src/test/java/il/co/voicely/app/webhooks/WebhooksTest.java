package il.co.voicely.app.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import il.co.voicely.app.TestApp;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.chat.Channel;
import il.co.voicely.core.chat.Inbox;
import il.co.voicely.core.chat.InboxItem;
import il.co.voicely.core.chat.InboxQuery;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.AccountMail;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.identity.PasswordPolicy;
import il.co.voicely.core.identity.SessionPolicy;
import il.co.voicely.core.identity.UserAdministration;
import il.co.voicely.core.identity.UserSessions;
import il.co.voicely.core.learning.LessonPlan;
import il.co.voicely.core.learning.Scheduling;
import il.co.voicely.core.mail.Mailer;
import il.co.voicely.core.testing.PostgresExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhooks end to end: the real app on loopback, WireMock playing Meta's Graph API, signed deliveries
 * built from the example payloads in {@code shared/specs}.
 */
@ExtendWith(PostgresExtension.class)
class WebhooksTest {

    private static final String APP_SECRET = "test-app-secret";
    private static final String VERIFY_TOKEN = "verify-me";
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String CAL_SECRET = "test-cal-webhook-secret";
    private static final String TEACHER = "organizer@example.com";
    private static final String STUDENT = "guest@example.com";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private WireMockServer meta;

    @BeforeEach
    void startFakeMeta() {
        meta = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        meta.start();
        meta.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathMatching("/v23.0/" + PHONE_NUMBER_ID + "/messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(resource("send-message.response.json"))));
    }

    /** The database is shared by the class's tests: each starts from no webhooks, chats, bookings or lessons. */
    @BeforeEach
    void forgetEarlierTests(Database db) {
        db.useContext(SessionContext.system(), h -> {
            for (String table : List.of("reminders", "calcom_bookings", "lesson_participants", "lessons", "chat_messages",
                    "chat_sessions", "webhook_events", "scheduled_tasks", "analytics_events")) {
                h.createUpdate("delete from " + table).execute();
            }
        });
    }

    @AfterEach
    void stopFakeMeta() {
        meta.stop();
    }

    private TestApp start(Database db) {
        IntegrationSettings integrations = IntegrationSettings.none()
                .withWhatsApp(APP_SECRET, VERIFY_TOKEN, "test-access-token", PHONE_NUMBER_ID, URI.create(meta.baseUrl()))
                .withCalCom("test-api-key", CAL_SECRET, URI.create(meta.baseUrl()));
        return TestApp.start(db, settings -> settings.withIntegrations(integrations));
    }

    // ------------------------------------------------------------------ WhatsApp

    @Test
    void subscriptionHandshakeEchoesTheChallengeOnlyForTheRightVerifyToken(Database db) {
        try (TestApp app = start(db)) {
            HttpResponse<String> ok = app.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444");
            HttpResponse<String> wrong = app.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("1158201444");
            assertThat(wrong.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void badSignatureIsRejectedWith401AndNothingIsStoredOrProcessed(Database db) throws Exception {
        try (TestApp app = start(db)) {
            byte[] body = resource("webhook-inbound-text.json").getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> forged = post(app, "/webhooks/whatsapp", body, "X-Hub-Signature-256", "sha256=" + hmac("wrong secret", body));
            HttpResponse<String> unsigned = post(app, "/webhooks/calcom", body);

            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(unsigned.statusCode()).isEqualTo(401);
            Thread.sleep(500);
            assertThat(count(db, "select count(*) from webhook_events")).isZero();
            assertThat(count(db, "select count(*) from chat_messages")).isZero();
        }
    }

    @Test
    void whatsappTextWebhookEndsAsAMessageInTheInbox(Database db) {
        try (TestApp app = start(db)) {
            HttpResponse<String> answer = whatsapp(app, resource("webhook-inbound-text.json").getBytes(StandardCharsets.UTF_8));

            assertThat(answer.statusCode()).isEqualTo(200);
            // The conversation may show up a moment before its first message: wait for the message.
            await(() -> !whatsappInbox(db).isEmpty() && whatsappInbox(db).getFirst().lastMessage().isPresent());
            InboxItem item = whatsappInbox(db).getFirst();
            assertThat(item.lastMessage()).hasValue("Does it come in another color?");
            assertThat(item.conversation().contact().phone()).hasValue("+16505551234");
            assertThat(item.conversation().contact().name()).hasValue("Sheena Nelson");
        }
    }

    @Test
    void redeliveredWhatsAppWebhookIsStoredOnce(Database db) throws Exception {
        try (TestApp app = start(db)) {
            byte[] body = resource("webhook-inbound-text.json").getBytes(StandardCharsets.UTF_8);
            // Meta may also redeliver the same message in a differently serialised envelope.
            byte[] reformatted = json.writeValueAsBytes(json.readTree(body));

            assertThat(whatsapp(app, body).statusCode()).isEqualTo(200);
            assertThat(whatsapp(app, body).statusCode()).isEqualTo(200);
            assertThat(whatsapp(app, reformatted).statusCode()).isEqualTo(200);

            await(() -> processed(db) == 2);
            assertThat(count(db, "select count(*) from webhook_events")).isEqualTo(2);
            assertThat(count(db, "select count(*) from chat_messages")).isEqualTo(1);
            assertThat(count(db, "select count(*) from chat_sessions where channel = 'whatsapp'")).isEqualTo(1);
        }
    }

    @Test
    void statusWebhookMovesTheOutboundMessageForward(Database db) {
        try (TestApp app = start(db)) {
            whatsapp(app, resource("webhook-inbound-text.json").getBytes(StandardCharsets.UTF_8));
            await(() -> processed(db) == 1);
            db.useContext(SessionContext.system(), h -> h.createUpdate("""
                    insert into chat_messages (session_id, direction, sender_type, body, provider_message_id, delivery_status)
                    select id, 'outbound', 'agent', 'Yes, in blue', 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA', 'sent'
                      from chat_sessions where channel = 'whatsapp'""").execute());

            whatsapp(app, resource("webhook-status-delivered.json").getBytes(StandardCharsets.UTF_8));

            await(() -> processed(db) == 2);
            String status = db.inContext(SessionContext.system(), h -> h.createQuery(
                    "select delivery_status from chat_messages where direction = 'outbound'").mapTo(String.class).one());
            assertThat(status).isEqualTo("delivered");
        }
    }

    // ------------------------------------------------------------------ Cal.com

    @Test
    void bookingCreatedWebhookCreatesTheLessonWithBothRemindersScheduled(Database db) throws Exception {
        UUID teacher = account(db, TEACHER, Role.TEACHER);
        UUID student = account(db, STUDENT, Role.STUDENT);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        try (TestApp app = start(db)) {
            assertThat(calcom(app, booking("webhook-booking-created.json", "booking-1", start, 45, Optional.empty())).statusCode())
                    .isEqualTo(200);

            await(() -> processed(db) == 1);
            Map<String, Object> lesson = one(db, """
                    select l.teacher_id, l.starts_at, l.status, b.status as booking_status
                      from calcom_bookings b join lessons l on l.id = b.lesson_id where b.uid = 'booking-1'""");
            assertThat(lesson.get("teacher_id")).isEqualTo(teacher);
            assertThat(instant(db, "select starts_at from lessons")).isEqualTo(start);
            assertThat(lesson.get("status")).isEqualTo("scheduled");
            assertThat(lesson.get("booking_status")).isEqualTo("accepted");
            assertThat(count(db, "select count(*) from lesson_participants where user_id = '" + student + "' and status = 'enrolled'"))
                    .isEqualTo(1);
            assertThat(reminderTimes(db)).containsExactlyInAnyOrder(start.minus(Duration.ofHours(24)), start.minus(Duration.ofHours(1)));
            await(() -> count(db, "select count(*) from analytics_events where name = 'booking_created'") == 1);
        }
    }

    @Test
    void redeliveredBookingCreatesOneLesson(Database db) throws Exception {
        account(db, TEACHER, Role.TEACHER);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        byte[] created = booking("webhook-booking-created.json", "booking-2", start, 45, Optional.empty());
        try (TestApp app = start(db)) {
            calcom(app, created);
            calcom(app, created);
            calcom(app, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(created)));

            await(() -> processed(db) == 2);
            assertThat(count(db, "select count(*) from webhook_events")).isEqualTo(2);
            assertThat(count(db, "select count(*) from lessons")).isEqualTo(1);
            assertThat(reminderTimes(db)).hasSize(2);
            assertThat(count(db, "select count(*) from analytics_events where name = 'booking_created'"))
                    .as("a redelivered booking is one new booking").isEqualTo(1);
        }
    }

    @Test
    void cancellationThatArrivesBeforeTheBookingEndsCancelled(Database db) throws Exception {
        account(db, TEACHER, Role.TEACHER);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        try (TestApp app = start(db)) {
            calcom(app, booking("webhook-booking-cancelled.json", "booking-3", start, 45, Optional.empty()));
            await(() -> processed(db) == 1);
            calcom(app, booking("webhook-booking-created.json", "booking-3", start, 45, Optional.empty()));
            await(() -> processed(db) == 2);

            assertThat(one(db, "select status, lesson_id from calcom_bookings where uid = 'booking-3'"))
                    .containsEntry("status", "cancelled").containsEntry("lesson_id", null);
            assertThat(count(db, "select count(*) from lessons where status = 'scheduled'")).isZero();
            assertThat(reminderTimes(db)).isEmpty();
        }
    }

    @Test
    void rescheduleMovesTheLessonAndItsRemindersAndCancelRemovesThem(Database db) throws Exception {
        account(db, TEACHER, Role.TEACHER);
        Instant first = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant moved = first.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30));
        try (TestApp app = start(db)) {
            calcom(app, booking("webhook-booking-created.json", "booking-4", first, 45, Optional.empty()));
            await(() -> processed(db) == 1);
            UUID lessonId = (UUID) one(db, "select lesson_id from calcom_bookings where uid = 'booking-4'").get("lesson_id");

            calcom(app, booking("webhook-booking-rescheduled.json", "booking-5", moved, 45, Optional.of("booking-4")));
            await(() -> processed(db) == 2);

            assertThat(one(db, "select lesson_id from calcom_bookings where uid = 'booking-5'")).containsEntry("lesson_id", lessonId);
            assertThat(one(db, "select status from calcom_bookings where uid = 'booking-4'")).containsEntry("status", "rescheduled");
            assertThat(instant(db, "select starts_at from lessons where id = '" + lessonId + "'")).isEqualTo(moved);
            assertThat(reminderTimes(db)).containsExactlyInAnyOrder(moved.minus(Duration.ofHours(24)), moved.minus(Duration.ofHours(1)));

            calcom(app, booking("webhook-booking-cancelled.json", "booking-5", moved, 45, Optional.empty()));
            await(() -> processed(db) == 3);

            assertThat(one(db, "select status from lessons where id = '" + lessonId + "'")).containsEntry("status", "cancelled");
            assertThat(reminderTimes(db)).isEmpty();
        }
    }

    @Test
    void eachReminderReachesMetaExactlyOnceEvenWithTwoAppInstances(Database db) throws Exception {
        account(db, TEACHER, Role.TEACHER);
        UUID student = account(db, STUDENT, Role.STUDENT);
        db.useContext(SessionContext.system(), h -> h.createUpdate("""
                insert into profiles (user_id, phone) values (:user, '+972501234567')
                on conflict (user_id) do update set phone = excluded.phone""").bind("user", student).execute());
        // Lessons whose 24-hour and 1-hour reminders fall due a few seconds from now.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant tomorrow = now.plus(Duration.ofHours(24)).plusSeconds(8);
        Instant inAnHour = now.plus(Duration.ofHours(1)).plusSeconds(8);
        try (TestApp app = start(db); TestApp other = start(db)) {
            calcom(app, booking("webhook-booking-created.json", "booking-6", tomorrow, 45, Optional.empty()));
            await(() -> processed(db) == 1);
            calcom(other, booking("webhook-booking-created.json", "booking-7", inAnHour, 20, Optional.empty()));
            await(() -> processed(db) == 2);

            await(() -> meta.findAll(postRequestedFor(urlPathMatching("/v23.0/.*/messages"))).size() >= 2);
            Thread.sleep(5_000); // long enough for a second instance's duplicate to show up

            assertThat(meta.findAll(postRequestedFor(urlPathMatching("/v23.0/" + PHONE_NUMBER_ID + "/messages"))
                    .withRequestBody(containing("\"lesson_reminder\"")).withRequestBody(containing("+972501234567")))).hasSize(2);
            assertThat(count(db, "select count(*) from reminders where status = 'sent' and channel = 'whatsapp'")).isEqualTo(2);
            // The 24-hour reminder of the lesson in an hour was due in the past: skipped, not sent late.
            assertThat(reminderTimes(db)).containsExactly(tomorrow.minus(Duration.ofHours(1)));
        }
    }

    @Test
    void lessonsScheduledInTheAppGetTheirRemindersFromTheSweep(Database db) {
        UUID teacher = account(db, TEACHER, Role.TEACHER);
        Instant start = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        new Scheduling(db, Clock.systemUTC()).schedule(SessionContext.system(),
                LessonPlan.of(teacher, "Breathing", LocalDateTime.ofInstant(start, LessonPlan.SCHOOL_ZONE), 45));

        try (TestApp app = start(db)) {
            // The sweep runs when the scheduler starts; the 24-hour reminder is already past, so only the 1-hour one.
            await(() -> reminderTimes(db).size() == 1);
            assertThat(reminderTimes(db)).containsExactly(start.minus(Duration.ofHours(1)));
        }
    }

    // ------------------------------------------------------------------ helpers

    private byte[] booking(String example, String uid, Instant start, int minutes, Optional<String> previousUid) throws IOException {
        ObjectNode root = (ObjectNode) json.readTree(resource(example));
        ObjectNode payload = (ObjectNode) root.get("payload");
        payload.put("uid", uid);
        payload.put("startTime", start.toString());
        payload.put("endTime", start.plus(Duration.ofMinutes(minutes)).toString());
        payload.put("title", "Singing lesson");
        previousUid.ifPresent(previous -> payload.put("rescheduleUid", previous));
        return json.writeValueAsBytes(root);
    }

    private HttpResponse<String> whatsapp(TestApp app, byte[] body) {
        return post(app, "/webhooks/whatsapp", body, "X-Hub-Signature-256", "sha256=" + hmac(APP_SECRET, body));
    }

    private HttpResponse<String> calcom(TestApp app, byte[] body) {
        return post(app, "/webhooks/calcom", body, "X-Cal-Signature-256", hmac(CAL_SECRET, body));
    }

    private HttpResponse<String> post(TestApp app, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url()).resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<InboxItem> whatsappInbox(Database db) {
        return new Inbox(db).list(SessionContext.system(), InboxQuery.live().channel(Channel.WHATSAPP)).items();
    }

    private static long processed(Database db) {
        return count(db, "select count(*) from webhook_events where processed_at is not null");
    }

    private static long count(Database db, String sql) {
        return db.inContext(SessionContext.system(), h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Map<String, Object> one(Database db, String sql) {
        return db.inContext(SessionContext.system(), h -> h.createQuery(sql).mapToMap().one());
    }

    private static List<Instant> reminderTimes(Database db) {
        return db.inContext(SessionContext.system(), h -> h.createQuery(
                        "select execution_time from scheduled_tasks where task_name = 'lesson-reminder'")
                .mapTo(java.time.OffsetDateTime.class).map(java.time.OffsetDateTime::toInstant).list());
    }

    private static Instant instant(Database db, String sql) {
        return db.inContext(SessionContext.system(), h -> h.createQuery(sql).mapTo(java.time.OffsetDateTime.class).one()).toInstant();
    }

    private static UUID account(Database db, String email, Role role) {
        Optional<UUID> existing = db.inContext(SessionContext.system(), h -> h.createQuery("select id from users where email = :email")
                .bind("email", email).mapTo(UUID.class).findOne());
        if (existing.isPresent()) {
            return existing.get();
        }
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(db, clock);
        UserSessions sessions = new UserSessions(db, audit, SessionPolicy.defaults(), clock);
        return new UserAdministration(db, sessions, audit,
                new AccountMail(Mailer.configured(Optional.empty(), db, clock), URI.create("http://localhost")),
                PasswordHasher.defaults(), PasswordPolicy.standard(), clock)
                .createAccount(email, role, "a singing lesson at noon", "he");
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = WebhooksTest.class.getResourceAsStream("/webhooks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
