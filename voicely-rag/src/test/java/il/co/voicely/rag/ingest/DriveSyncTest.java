package il.co.voicely.rag.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.store.DocumentStore;
import il.co.voicely.rag.store.DocumentStoreTest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Drive v3 answers shaped as shared/specs/google-drive/drive-v3-discovery.json describes them, on loopback. */
@ExtendWith(PostgresExtension.class)
class DriveSyncTest {

    static final String FILES = "/drive/v3/files";
    /** The client downloads media and exports under /download/. */
    static final String MEDIA = "(?:/download)?/drive/v3/files";
    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    DriveSync sync(Database db) {
        var drive = DriveSync.client(Optional.empty(), "voicely-test", wm.baseUrl() + "/", Duration.ofMillis(5));
        return new DriveSync(drive, db, new DocumentStore(db, new Embedder(new DocumentStoreTest.FakeModel(), 16)),
                Chunker.defaults(), TextExtractor.create(), "root1");
    }

    void stubFullListing() {
        wm.stubFor(get(urlPathEqualTo("/drive/v3/changes/startPageToken")).willReturn(okJson("{\"kind\":\"drive#startPageToken\",\"startPageToken\":\"100\"}")));
        // The first listing is throttled once: the client must wait and retry.
        wm.stubFor(get(urlPathEqualTo(FILES)).withQueryParam("q", containing("'root1' in parents")).withQueryParam("pageToken", absent())
                .inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"code\":429,\"message\":\"Rate Limit Exceeded\"}}"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo(FILES)).withQueryParam("q", containing("'root1' in parents")).withQueryParam("pageToken", absent())
                .inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(okJson("""
                        {"kind":"drive#fileList","nextPageToken":"p2","files":[
                          {"id":"doc1","name":"סיכום שיעור","mimeType":"application/vnd.google-apps.document","parents":["root1"]},
                          {"id":"sub1","name":"תמלולים","mimeType":"application/vnd.google-apps.folder","parents":["root1"]}]}""")));
        wm.stubFor(get(urlPathEqualTo(FILES)).withQueryParam("q", containing("'root1' in parents")).withQueryParam("pageToken", equalTo("p2"))
                .willReturn(okJson("""
                        {"kind":"drive#fileList","files":[
                          {"id":"img1","name":"photo.png","mimeType":"application/vnd.google-apps.drawing","parents":["root1"]},
                          {"id":"txt1","name":"notes.txt","mimeType":"text/plain","parents":["root1"]}]}""")));
        wm.stubFor(get(urlPathEqualTo(FILES)).withQueryParam("q", containing("'sub1' in parents"))
                .willReturn(okJson("""
                        {"kind":"drive#fileList","files":[
                          {"id":"srt1","name":"lesson.srt","mimeType":"application/x-subrip","parents":["sub1"]}]}""")));
        wm.stubFor(get(urlPathMatching(MEDIA + "/doc1/export")).withQueryParam("mimeType", equalTo("text/plain"))
                .willReturn(aResponse().withBody("\uFEFFבשיעור עבדנו על נשימה סרעפתית.")));
        wm.stubFor(get(urlPathMatching(MEDIA + "/txt1")).withQueryParam("alt", equalTo("media"))
                .willReturn(aResponse().withBody("Remember to drink water.")));
        wm.stubFor(get(urlPathMatching(MEDIA + "/srt1")).withQueryParam("alt", equalTo("media"))
                .willReturn(aResponse().withBody("1\n00:00:02,000 --> 00:00:05,000\nנתחיל בחימום.\n")));
    }

    @Test
    void fullThenIncrementalSyncReflectsEditsRenamesMovesAndDeletes(Database db, TestDatabase tdb) {
        stubFullListing();
        DriveSync sync = sync(db);

        DriveSummary full = sync.sync();

        assertThat(full).extracting(DriveSummary::full, DriveSummary::indexed, DriveSummary::skipped, DriveSummary::pageToken)
                .containsExactly(true, 3, 1, "100");
        wm.verify(2, getRequestedFor(urlPathEqualTo(FILES)).withQueryParam("q", containing("'root1' in parents")).withQueryParam("pageToken", absent()));
        assertThat(ids(db, sync)).containsExactly("doc1", "srt1", "txt1");
        Integer startMs = tdb.owner().withHandle(h -> h.createQuery(
                "select c.start_ms from rag_chunks c join rag_documents d on d.id = c.document_id where d.external_id = 'srt1'").mapTo(Integer.class).one());
        assertThat(startMs).isEqualTo(2000);

        wm.stubFor(get(urlPathEqualTo("/drive/v3/changes")).withQueryParam("pageToken", equalTo("100")).willReturn(okJson("""
                {"kind":"drive#changeList","nextPageToken":"101","changes":[
                  {"fileId":"doc1","removed":false,"file":{"id":"doc1","name":"סיכום שיעור 12","mimeType":"application/vnd.google-apps.document","parents":["root1"]}},
                  {"fileId":"txt1","removed":true},
                  {"fileId":"new1","removed":false,"file":{"id":"new1","name":"new.txt","mimeType":"text/plain","parents":["sub1"]}}]}""")));
        wm.stubFor(get(urlPathEqualTo("/drive/v3/changes")).withQueryParam("pageToken", equalTo("101")).willReturn(okJson("""
                {"kind":"drive#changeList","newStartPageToken":"102","changes":[
                  {"fileId":"srt1","removed":false,"file":{"id":"srt1","name":"lesson.srt","mimeType":"application/x-subrip","parents":["sub1"],"trashed":true}},
                  {"fileId":"out1","removed":false,"file":{"id":"out1","name":"elsewhere.txt","mimeType":"text/plain","parents":["otherFolder"]}}]}""")));
        wm.stubFor(get(urlPathMatching(MEDIA + "/new1")).withQueryParam("alt", equalTo("media")).willReturn(aResponse().withBody("A new page of notes.")));

        DriveSummary incremental = sync.sync();

        assertThat(incremental).extracting(DriveSummary::full, DriveSummary::indexed, DriveSummary::removed, DriveSummary::pageToken)
                .containsExactly(false, 2, 2, "102");
        assertThat(ids(db, sync)).containsExactly("doc1", "new1");
        String title = tdb.owner().withHandle(h -> h.createQuery("select title from rag_documents where external_id = 'doc1'").mapTo(String.class).one());
        assertThat(title).isEqualTo("סיכום שיעור 12");
        String stored = tdb.owner().withHandle(h -> h.createQuery("select page_token from rag_sync_state where source = 'drive:root1'").mapTo(String.class).one());
        assertThat(stored).isEqualTo("102");
    }

    @Test
    void aSyncStoppedHalfWayContinuesFromTheLastStoredPage(Database db, TestDatabase tdb) {
        tdb.owner().useHandle(h -> h.execute("delete from rag_sync_state; delete from rag_documents"));
        stubFullListing();
        DriveSync sync = sync(db);
        sync.sync();
        wm.stubFor(get(urlPathEqualTo("/drive/v3/changes")).withQueryParam("pageToken", equalTo("100")).willReturn(okJson("""
                {"nextPageToken":"101","changes":[{"fileId":"txt1","removed":true}]}""")));
        wm.stubFor(get(urlPathEqualTo("/drive/v3/changes")).withQueryParam("pageToken", equalTo("101"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"code\":400,\"message\":\"Bad Request\"}}")));

        assertThatThrownBy(sync::sync).hasMessageContaining("400");
        wm.stubFor(get(urlPathEqualTo("/drive/v3/changes")).withQueryParam("pageToken", equalTo("101")).willReturn(okJson("""
                {"newStartPageToken":"102","changes":[]}""")));
        DriveSummary resumed = sync.sync();

        assertThat(resumed.pageToken()).isEqualTo("102");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/drive/v3/changes")).withQueryParam("pageToken", equalTo("100")));
        assertThat(ids(db, sync)).containsExactly("doc1", "srt1");
    }

    static java.util.List<String> ids(Database db, DriveSync sync) {
        return new DocumentStore(db, new Embedder(new DocumentStoreTest.FakeModel(), 1)).externalIds(SessionContext.system(), "drive", sync.source());
    }
}
