package io.vdibot.core.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files of a tar stream (ustar, as Jib writes them), read into memory: enough for an image's small files. */
final class TarEntries {

    private static final int BLOCK = 512;

    private TarEntries() {
    }

    /** Every regular file's name and, when {@code keep} says so, its content (otherwise an empty array). */
    static Map<String, byte[]> read(InputStream in, java.util.function.Predicate<String> keep) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] header = new byte[BLOCK];
        while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
            String name = text(header, 345, 155).isEmpty() ? text(header, 0, 100)
                    : text(header, 345, 155) + "/" + text(header, 0, 100);
            long size = Long.parseLong(text(header, 124, 12).isEmpty() ? "0" : text(header, 124, 12), 8);
            char type = (char) header[156];
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            boolean file = type == '0' || type == 0;
            if (file && keep.test(name)) {
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes(padded - size);
                files.put(name, content);
            } else {
                in.skipNBytes(padded);
                if (file) {
                    files.put(name, new byte[0]);
                }
            }
        }
        return files;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII).trim();
    }
}
