package io.vdibot.adapters.teams.connector;

import java.util.Base64;
import java.util.Objects;

/**
 * An image sent inside the message as a {@code data:} URI: the bot has nowhere to host a chart it has just drawn,
 * and an image attachment of type {@code image/*} is what Teams shows as a picture rather than a file.
 */
public record InlineImage(String name, String mimeType, byte[] data) {

    public InlineImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public String dataUri() {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InlineImage that && name.equals(that.name) && mimeType.equals(that.mimeType)
                && java.util.Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mimeType, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "InlineImage[" + name + ", " + mimeType + ", " + data.length + " bytes]";
    }
}
