package dev.backpack.e2e.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small line chart written as PNG, so benchmark results can be looked at in docs/ without a plotting
 * toolchain (none ships on these machines). X and Y are linear; each series is a polyline with markers.
 */
public final class LineChart {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart point(String seriesName, double x, double y) {
        series.computeIfAbsent(seriesName, k -> new ArrayList<>()).add(new double[]{x, y});
        return this;
    }

    public void writePng(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        double maxX = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).max().orElse(1);
        double maxY = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).max().orElse(1);
        double xTop = niceCeiling(maxX);
        double yTop = niceCeiling(maxY);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 35);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotH - i * plotH / 5;
            int x = LEFT + i * plotW / 5;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String yTick = format(yTop * i / 5);
            g.drawString(yTick, LEFT - 8 - fm.stringWidth(yTick), y + 5);
            String xTick = format(xTop * i / 5);
            g.drawString(xTick, x - fm.stringWidth(xTick) / 2, TOP + plotH + 20);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.drawString(xLabel, LEFT + plotW / 2 - fm.stringWidth(xLabel) / 2, HEIGHT - 20);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(TOP + plotH / 2 + fm.stringWidth(yLabel) / 2), 25);
        rotated.dispose();

        int colour = 0;
        int legendY = TOP + 20;
        for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
            Color c = PALETTE[colour++ % PALETTE.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(2.5f));
            int[] prev = null;
            for (double[] p : s.getValue()) {
                int px = LEFT + (int) Math.round(p[0] / xTop * plotW);
                int py = TOP + plotH - (int) Math.round(p[1] / yTop * plotH);
                g.fillOval(px - 4, py - 4, 8, 8);
                if (prev != null) {
                    g.drawLine(prev[0], prev[1], px, py);
                }
                prev = new int[]{px, py};
            }
            g.fillRect(LEFT + 15, legendY - 10, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(s.getKey(), LEFT + 35, legendY);
            legendY += 20;
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.2f", v);
    }
}
