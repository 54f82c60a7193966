package io.vdibot.commands.reply;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image uploaded with the message, e.g. a dashboard chart.
 *
 * @param altText what the image shows, for screen readers and for platforms that cannot show it
 */
public record ImageBlock(byte[] data, String mimeType, String filename, String altText) implements Block {

    public ImageBlock {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(altText, "altText");
        data = data.clone();
    }

    /** A copy: the block stays immutable. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageBlock that && Arrays.equals(data, that.data) && mimeType.equals(that.mimeType)
                && filename.equals(that.filename) && altText.equals(that.altText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), mimeType, filename, altText);
    }

    @Override
    public String toString() {
        return "ImageBlock[" + filename + ", " + mimeType + ", " + data.length + " bytes]";
    }
}
