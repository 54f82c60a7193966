package io.vdibot.rhev.view;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.PieSeries;
import org.knowm.xchart.style.PieStyler;
import org.knowm.xchart.style.Styler;

/**
 * The dashboard of one site as a picture: a title with the site and the time, then a row of pie charts (hosts, VMs,
 * users), each with its legend under it. Drawn with XChart into an image in memory and encoded as a palette PNG
 * ({@link PalettePng}), without a display. The words come ready in the reader's language; {@link #charts} gives the chart models before they are
 * drawn, so what a pie shows can be checked without reading pixels.
 */
final class DashboardChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 480;
    private static final int TITLE_HEIGHT = 52;
    /** The height of one legend entry: XChart's 20-pixel colour box and the legend's padding of 10. */
    private static final int LEGEND_ROW = 30;
    /** What an empty pie (a site without hosts, say) is filled with, so it still reads as a pie. */
    static final Color EMPTY = new Color(0xE0, 0xE0, 0xE0);

    static {
        // The bot runs on servers without a display; Spring Boot sets this too, tests and tools may not.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** One slice: its legend entry, the number it stands for, its colour. */
    record Slice(String label, int count, Color colour) {
        Slice {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(colour, "colour");
        }
    }

    /**
     * One pie.
     *
     * @param slices the slices in drawing order; slices of zero are left out of the drawing
     * @param none   the legend entry of a pie with nothing in it
     */
    record Pie(String title, List<Slice> slices, String none) {
        Pie {
            slices = List.copyOf(slices);
        }

        int total() {
            return slices.stream().mapToInt(Slice::count).sum();
        }

        /** The slices drawn and listed in the legend, in drawing order: those with something in them. */
        List<Slice> drawn() {
            return slices.stream().filter(slice -> slice.count() > 0).toList();
        }
    }

    /** The whole picture: its title and its pies, left to right. */
    record Picture(String title, List<Pie> pies) {
        Picture {
            pies = List.copyOf(pies);
        }

        /** Every word drawn, to check that a font can draw them. */
        Stream<String> words() {
            return Stream.concat(Stream.of(title), pies.stream().flatMap(p -> Stream.concat(Stream.of(p.title(),
                    p.none()), p.slices().stream().map(Slice::label))));
        }
    }

    private DashboardChart() {
    }

    /**
     * The XChart model of each pie, as it will be drawn. A chart with a shorter legend is made shorter by as much, so
     * that every pie of the row is drawn the same size.
     */
    static List<PieChart> charts(Picture picture) {
        int width = WIDTH / Math.max(1, picture.pies().size());
        int longest = picture.pies().stream().mapToInt(DashboardChart::legendEntries).max().orElse(1);
        return picture.pies().stream().map(pie -> chart(pie, width,
                HEIGHT - TITLE_HEIGHT - (longest - legendEntries(pie)) * LEGEND_ROW)).toList();
    }

    /** What the legend lists: the slices drawn, or the one entry of an empty pie. */
    private static int legendEntries(Pie pie) {
        return Math.max(1, pie.drawn().size());
    }

    static byte[] png(Picture picture) {
        List<PieChart> charts = charts(picture);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(picture.title(), (WIDTH - metrics.stringWidth(picture.title())) / 2,
                    (TITLE_HEIGHT + metrics.getAscent()) / 2);
            int x = 0;
            for (PieChart chart : charts) {
                g.drawImage(BitmapEncoder.getBufferedImage(chart), x, TITLE_HEIGHT, null);
                x += chart.getWidth();
            }
        } finally {
            g.dispose();
        }
        return PalettePng.encode(image);
    }

    /**
     * One pie with its legend below. A slice of zero would only add a line to the legend and a sliver of nothing, so
     * it is left out; a pie with nothing at all is drawn as one grey disc named {@link Pie#none()}, with no number on
     * it.
     */
    private static PieChart chart(Pie pie, int width, int height) {
        PieChart chart = new PieChartBuilder().width(width).height(height).title(pie.title()).build();
        PieStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setChartTitleBoxVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setDefaultSeriesRenderStyle(PieSeries.PieSeriesRenderStyle.Pie);
        styler.setCircular(true);
        styler.setStartAngleInDegrees(90);
        styler.setSliceBorderWidth(1.5);
        styler.setLabelType(PieStyler.LabelType.Value);
        styler.setLabelsDistance(0.62);
        styler.setLabelsFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        styler.setLabelsFontColorAutomaticEnabled(true);
        styler.setDecimalPattern("#,##0");
        styler.setAntiAlias(true);
        if (pie.total() == 0) {
            styler.setLabelsVisible(false);
            wholeDisc(styler);
            chart.addSeries(pie.none(), 1).setFillColor(EMPTY);
            return chart;
        }
        List<Slice> drawn = pie.drawn();
        if (drawn.size() == 1) {
            wholeDisc(styler);
        }
        drawn.forEach(slice -> chart.addSeries(slice.label(), slice.count()).setFillColor(slice.colour()));
        return chart;
    }

    /**
     * XChart outlines every slice in the plot's background colour, which across a slice that is the whole disc draws
     * a radius; with a transparent plot background the outline vanishes and the chart's white shows around the disc.
     */
    private static void wholeDisc(PieStyler styler) {
        styler.setPlotBackgroundColor(new Color(0, 0, 0, 0));
        styler.setSliceBorderWidth(0);
    }

    /** Whether the chart's fonts can draw every word, e.g. Chinese on a server without CJK fonts. */
    static boolean canDisplay(Picture picture) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        return picture.words().allMatch(text -> font.canDisplayUpTo(text) < 0);
    }
}
