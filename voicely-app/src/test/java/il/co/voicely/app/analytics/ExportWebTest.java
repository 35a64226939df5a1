package il.co.voicely.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportWebTest {

    private static final String HEBREW_NAME = "דנה כהן, \"המורה\"";
    private static final String HEBREW_INTEREST = "שירה בציבור\nופיתוח קול";

    private final TestDatabase db;
    private final TestApp app;
    private final String adminEmail;
    private final WebClient admin;

    ExportWebTest(TestDatabase db) {
        this.db = db;
        this.app = TestApp.start(db.database());
        db.owner().useHandle(h -> h.createUpdate("insert into leads (name, email, interest) values (:name, 'dana@example.com', :interest)")
                .bind("name", HEBREW_NAME).bind("interest", HEBREW_INTEREST).execute());
        this.adminEmail = Accounts.create(db.database(), Role.ADMIN);
        this.admin = app.client();
        admin.signIn(adminEmail, Accounts.PASSWORD);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        String cookie = "voicely_session=" + admin.cookie("voicely_session").orElseThrow();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url()).resolve(path))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void hebrewRoundTripsThroughCsvWithAByteOrderMarkForExcel() throws Exception {
        HttpResponse<byte[]> csv = download("/admin/export/leads.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("voicely-leads-"));
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv.body(), 3, csv.body().length - 3), StandardCharsets.UTF_8))
                .getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().get("name")).isEqualTo(HEBREW_NAME);
        assertThat(records.getFirst().get("interest")).isEqualTo(HEBREW_INTEREST);
        assertThat(records.getFirst().get("email")).isEqualTo("dana@example.com");
    }

    @Test
    void hebrewRoundTripsThroughXlsx() throws Exception {
        HttpResponse<byte[]> xlsx = download("/admin/export/leads.xlsx");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            List<String> header = rows.get(0).stream().map(Cell::getRawValue).toList();
            List<String> lead = rows.get(1).stream().map(c -> c == null ? null : c.getRawValue()).toList();
            assertThat(lead.get(header.indexOf("name"))).isEqualTo(HEBREW_NAME);
            assertThat(lead.get(header.indexOf("interest"))).isEqualTo(HEBREW_INTEREST);
        }
    }

    @Test
    void everyExportIsAuditedWithItsDataSetAndFormat() throws Exception {
        download("/admin/export/users.csv");
        download("/admin/export/attendance.xlsx");

        List<String> exports = db.owner().withHandle(h -> h.createQuery("""
                select target_id || ' ' || (details ->> 'format') from audit_log a join users u on u.id = a.actor_user_id
                 where a.action = 'data.exported' and u.email = :email order by a.id
                """).bind("email", adminEmail).mapTo(String.class).list());
        assertThat(exports).contains("users csv", "attendance xlsx");
    }

    @Test
    void everyDataSetDownloadsInBothFormatsAndAnUnknownOneIs404() throws Exception {
        for (String set : DataExports.names()) {
            assertThat(download("/admin/export/" + set + ".csv").statusCode()).as(set).isEqualTo(200);
            assertThat(download("/admin/export/" + set + ".xlsx").statusCode()).as(set).isEqualTo(200);
        }
        assertThat(download("/admin/export/payments.csv").statusCode()).isEqualTo(404);
        assertThat(download("/admin/export/users.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void aTeacherGets403OnExports() {
        WebClient teacher = app.client();
        teacher.signIn(Accounts.create(db.database(), Role.TEACHER), Accounts.PASSWORD);

        assertThat(teacher.get("/admin/export/users.csv").statusCode()).isEqualTo(403);
    }
}
