package io.vdibot.rhev.view;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * PNG with a palette of at most 64 colours instead of true colour, compressed as hard as the encoder can: a chart
 * of flat colours has a few hundred colours, almost all of them shades of the anti-aliased edges, and mapping the rare
 * ones to their nearest common colour changes nothing the eye sees while the file shrinks to about half. Every colour
 * a chart means something by (a slice, its legend box) covers far more pixels than any edge shade, so it stays.
 * Teams carries an image inside its message, which must stay under about 28 KB.
 */
final class PalettePng {

    private static final int PALETTE = 64;

    private PalettePng() {
    }

    static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        Map<Integer, Integer> frequency = new HashMap<>();
        for (int pixel : pixels) {
            frequency.merge(pixel & 0xFFFFFF, 1, Integer::sum);
        }
        List<Integer> palette = frequency.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed()).limit(PALETTE)
                .map(Map.Entry::getKey).toList();
        byte[] red = new byte[palette.size()];
        byte[] green = new byte[palette.size()];
        byte[] blue = new byte[palette.size()];
        for (int i = 0; i < palette.size(); i++) {
            int rgb = palette.get(i);
            red[i] = (byte) (rgb >> 16);
            green[i] = (byte) (rgb >> 8);
            blue[i] = (byte) rgb;
        }
        BufferedImage indexed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, palette.size(), red, green, blue));
        WritableRaster raster = indexed.getRaster();
        Map<Integer, Integer> nearest = new HashMap<>();
        for (int i = 0; i < pixels.length; i++) {
            int index = nearest.computeIfAbsent(pixels[i] & 0xFFFFFF, rgb -> nearest(palette, rgb));
            raster.setSample(i % width, i / width, 0, index);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam smallest = writer.getDefaultWriteParam();
            smallest.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            smallest.setCompressionQuality(0f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(indexed, null, null), smallest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int nearest(List<Integer> palette, int rgb) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.size(); i++) {
            int candidate = palette.get(i);
            long dr = ((candidate >> 16) & 0xFF) - ((rgb >> 16) & 0xFF);
            long dg = ((candidate >> 8) & 0xFF) - ((rgb >> 8) & 0xFF);
            long db = (candidate & 0xFF) - (rgb & 0xFF);
            long distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }
}
