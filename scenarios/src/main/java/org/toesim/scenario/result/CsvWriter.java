package org.toesim.scenario.result;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes CSV: a header row, then one row per record. Numbers are written exactly (longs as
 * integers, doubles in Java's shortest round-trip form); text cells are quoted when needed.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** {@code timeseries.csv}: {@code timePs} then one column per series column. */
    public static void writeTimeSeries(TimeSeries ts, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timePs");
            for (String c : ts.columns()) {
                w.write(',');
                w.write(cell(c));
            }
            w.write('\n');
            for (int r = 0; r < ts.rows(); r++) {
                w.write(Long.toString(ts.timePs(r)));
                for (int c = 0; c < ts.columns().size(); c++) {
                    w.write(',');
                    w.write(number(ts.value(c, r)));
                }
                w.write('\n');
            }
        }
    }

    /** A table of text cells. */
    public static void writeTable(List<String> header, List<List<String>> rows, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRow(w, header);
            for (List<String> row : rows) {
                writeRow(w, row);
            }
        }
    }

    private static void writeRow(BufferedWriter w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write('\n');
    }

    /** A double as CSV text: integral values without ".0", NaN as empty. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String cell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
