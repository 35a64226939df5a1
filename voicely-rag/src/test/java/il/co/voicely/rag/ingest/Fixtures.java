package il.co.voicely.rag.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Small files of every type the indexer reads, written by the test itself. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A folder with docx, pdf, html, txt, srt and vtt files (two in a subfolder) and a hidden file. */
    public static Path lessonFolder(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("transcripts"));
        docx(dir.resolve("plan.docx"), "תוכנית שיעור", "בשיעור הזה נתרגל נשימה סרעפתית ותמיכה בצלילים ארוכים.");
        pdf(dir.resolve("posture.pdf"), "Good posture keeps the larynx relaxed: feet apart, shoulders loose.");
        Files.writeString(dir.resolve("about.html"), """
                <html><head><title>About the school</title></head>
                <body><h1>Voicely</h1><p>We teach singing to children and adults in Tel Aviv.</p></body></html>""");
        Files.writeString(dir.resolve("notes.txt"), "הערות: לשתות מים לפני השירה. אל תצעקו!");
        Files.writeString(dir.resolve("transcripts/lesson-1.srt"), """
                1
                00:00:01,000 --> 00:00:03,000
                שלום, נתחיל בחימום קולי.

                2
                00:00:04,000 --> 00:00:08,000
                Now a lip trill on the scale.
                """);
        Files.writeString(dir.resolve("transcripts/lesson-2.vtt"), """
                WEBVTT

                00:10.000 --> 00:12.500
                נעבוד על ויברטו עדין.
                """);
        Files.writeString(dir.resolve(".hidden.txt"), "secret");
        return dir;
    }

    static void docx(Path file, String title, String paragraph) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.createParagraph().createRun().setText(paragraph);
            doc.write(out);
        }
    }

    static void pdf(Path file, String line) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(50, 700);
                cs.showText(line);
                cs.endText();
            }
            doc.save(file.toFile());
        }
    }
}
