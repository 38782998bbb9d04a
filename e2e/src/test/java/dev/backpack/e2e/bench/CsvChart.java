package dev.backpack.e2e.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Draws columns of a benchmark CSV against its first column as a PNG:
 * {@code CsvChart <csv> <png> <title> <x label> <y label> <column>...}.
 */
public final class CsvChart {
    private CsvChart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: CsvChart <csv> <png> <title> <x label> <y label> <column>...");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        LineChart chart = new LineChart(args[2], args[3], args[4]);
        for (String column : Arrays.copyOfRange(args, 5, args.length)) {
            int index = header.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                chart.point(column, Double.parseDouble(cells[0]), Double.parseDouble(cells[index]));
            }
        }
        chart.writePng(Path.of(args[1]));
        System.out.println("wrote " + args[1]);
    }
}
