package il.co.voicely.app.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table row by row to a stream, keeping no more than a small buffer: CSV (UTF-8 with a byte-order
 * mark, which Excel needs to read Hebrew) or XLSX (fastexcel with inline strings and periodic flushes, so
 * neither rows nor a shared-string table pile up in memory).
 */
sealed interface TableWriter extends AutoCloseable permits TableWriter.Csv, TableWriter.Xlsx {

    void row(List<String> values) throws IOException;

    /** Completes the file; the underlying stream is left open. */
    @Override
    void close() throws IOException;

    /** A writer for {@code format} ({@code csv} or {@code xlsx}) whose first row is {@code header}. */
    static TableWriter open(String format, OutputStream out, String sheetName, List<String> header) throws IOException {
        TableWriter writer = format.equals("xlsx") ? new Xlsx(out, sheetName) : new Csv(out);
        writer.row(header);
        return writer;
    }

    final class Csv implements TableWriter {
        private final Writer writer;
        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.EXCEL);
        }

        @Override
        public void row(List<String> values) throws IOException {
            printer.printRecord(values);
        }

        @Override
        public void close() throws IOException {
            printer.flush();
            writer.flush();
        }
    }

    final class Xlsx implements TableWriter {
        /** fastexcel holds the rows written since the last flush; a few hundred keeps that small. */
        private static final int FLUSH_EVERY = 500;

        private final Workbook workbook;
        private final Worksheet sheet;
        private int rowIndex;

        Xlsx(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "Voicely", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void row(List<String> values) throws IOException {
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) != null) {
                    // Inline strings: the shared-string table would keep every distinct value until the end.
                    sheet.inlineString(rowIndex, c, values.get(c));
                }
            }
            rowIndex++;
            if (rowIndex % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            workbook.finish();
        }
    }
}
