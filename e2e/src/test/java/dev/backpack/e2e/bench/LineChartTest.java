package dev.backpack.e2e.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LineChartTest {

    @Test
    void writesAPngWithTheSeriesDrawn(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        new LineChart("Fleet", "nodes", "seconds").point("total", 10, 1).point("total", 100, 4).point("total", 1000, 30)
                .writePng(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        // the series colour appears somewhere in the plot area
        boolean found = false;
        for (int x = 100; x < 860 && !found; x++) {
            for (int y = 70; y < 440 && !found; y++) {
                found = (image.getRGB(x, y) & 0xffffff) == 0x1f77b4;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void axisTopsAreRoundNumbers() {
        assertThat(LineChart.niceCeiling(37)).isEqualTo(50);
        assertThat(LineChart.niceCeiling(1000)).isEqualTo(1000);
        assertThat(LineChart.niceCeiling(0.3)).isEqualTo(0.5);
        assertThat(LineChart.niceCeiling(2.2)).isEqualTo(2.5);
    }
}
