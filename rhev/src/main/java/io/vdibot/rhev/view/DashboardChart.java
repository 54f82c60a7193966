package io.vdibot.rhev.view;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;

/**
 * The dashboard as a picture: a title with the site and the time, then one bar chart per category (hosts, VMs,
 * users), each with a green bar for up / with a running VM and a red one for not up / without, the number on each
 * bar. Each category has its own scale: ten thousand VMs would otherwise flatten eight hosts to nothing. Drawn with
 * XChart into an image in memory and encoded as PNG, without a display.
 */
final class DashboardChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 480;
    private static final int TITLE_HEIGHT = 56;
    private static final Color UP = new Color(0x2E, 0x7D, 0x32);
    private static final Color NOT_UP = new Color(0xC6, 0x28, 0x28);

    static {
        // The bot runs on servers without a display; Spring Boot sets this too, tests and tools may not.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The words on the picture, in the reader's language (or in English when no font can draw theirs). */
    record Labels(String title, String hosts, String vms, String users, String up, String notUp, String withRunning,
                  String without) {

        Stream<String> all() {
            return Stream.of(title, hosts, vms, users, up, notUp, withRunning, without);
        }
    }

    private DashboardChart() {
    }

    static byte[] png(SiteFigures f, Labels labels) {
        int panelWidth = WIDTH / 3;
        int panelHeight = HEIGHT - TITLE_HEIGHT;
        List<BufferedImage> panels = List.of(
                panel(labels.hosts(), labels.up(), labels.notUp(), f.hostsUp(), f.hostsNotUp(), panelWidth,
                        panelHeight),
                panel(labels.vms(), labels.up(), labels.notUp(), f.vmsUp(), f.vmsNotUp(), panelWidth, panelHeight),
                panel(labels.users(), labels.withRunning(), labels.without(), f.usersWithRunningVm(),
                        f.usersWithout(), panelWidth, panelHeight));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(labels.title(), (WIDTH - metrics.stringWidth(labels.title())) / 2,
                    (TITLE_HEIGHT + metrics.getAscent()) / 2);
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(panels.get(i), i * panelWidth, TITLE_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the dashboard chart", e);
        }
        return out.toByteArray();
    }

    /** One category: two bars in their own colours, each series holding one bar so each keeps its colour. */
    private static BufferedImage panel(String title, String goodLabel, String badLabel, int good, int bad, int width,
            int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).build();
        CategoryStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setLegendVisible(false);
        styler.setOverlapped(true);
        styler.setSeriesColors(new Color[] {UP, NOT_UP});
        styler.setLabelsVisible(true);
        styler.setLabelsFontColorAutomaticEnabled(false);
        styler.setLabelsFontColor(Color.BLACK);
        styler.setLabelsPosition(1.0);
        styler.setDecimalPattern("#,##0");
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(niceMax(Math.max(good, bad)));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLabelsFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        styler.setAntiAlias(true);
        List<String> categories = List.of(goodLabel, badLabel);
        chart.addSeries(goodLabel, categories, Arrays.asList(good, null));
        chart.addSeries(badLabel, categories, Arrays.asList(null, bad));
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Whether the chart's font can draw every label, e.g. Chinese on a server without CJK fonts. */
    static boolean canDisplay(Labels labels) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        return labels.all().allMatch(text -> font.canDisplayUpTo(text) < 0);
    }

    /**
     * A round top for the axis a little above the tallest bar (1, 2 or 5 times a power of ten), leaving room for the
     * number on the bar.
     */
    static double niceMax(int tallest) {
        double wanted = Math.max(4, tallest * 1.15);
        double magnitude = Math.pow(10, Math.floor(Math.log10(wanted)));
        for (double step : new double[] {1, 2, 5}) {
            if (step * magnitude >= wanted) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
