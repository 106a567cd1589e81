package io.reelgate.cli;

import java.io.PrintStream;
import java.util.List;

/** Left-aligned columns padded to the widest cell; the first row is the header. */
final class Table {

    private Table() {
    }

    static void print(PrintStream out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], cell(row[c]).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? cell(row[c]) : String.format("%-" + widths[c] + "s  ", cell(row[c])));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String cell(String value) {
        return value == null ? "" : value;
    }
}
