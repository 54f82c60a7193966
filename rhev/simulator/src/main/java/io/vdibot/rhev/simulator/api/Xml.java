package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.EngineFault;
import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ovirt.api.metamodel.runtime.xml.XmlReader;
import org.ovirt.api.metamodel.runtime.xml.XmlWriter;

/**
 * XML in and out through the SDK's own generated readers and writers, so that what we emit uses
 * exactly the element names and encodings the engine's clients expect.
 */
public final class Xml {

    private Xml() {
    }

    public static byte[] write(Consumer<XmlWriter> body) {
        CharSink out = new CharSink();
        try (XmlWriter writer = new XmlWriter(out, false)) {
            body.accept(writer);
            writer.flush();
        }
        return out.toUtf8();
    }

    /**
     * Like {@link #write}, adding {@code <link>} elements for sub-collections to the document's own
     * resources, e.g. {@code vm -> [nics, diskattachments]} (see {@link LinkingXmlWriter}).
     */
    public static byte[] writeLinked(Map<String, List<String>> relsByTag, Consumer<XmlWriter> body) {
        return writeLinked(relsByTag, href -> null, body);
    }

    /** Like {@link #writeLinked(Map, Consumer)}, with each resource's {@code <actions>} looked up by its href. */
    public static byte[] writeLinked(Map<String, List<String>> relsByTag, Function<String, List<String>> actionsByHref,
            Consumer<XmlWriter> body) {
        CharSink out = new CharSink();
        try (XmlWriter writer = new LinkingXmlWriter(out, relsByTag, actionsByHref)) {
            body.accept(writer);
            writer.flush();
        }
        return out.toUtf8();
    }

    /** Parses a request body; syntax errors become the engine's 400 "Request syntactically incorrect.". */
    public static <T> T read(byte[] body, Function<XmlReader, T> reader) {
        if (body == null || body.length == 0) {
            throw new EngineFault(400, "Request syntactically incorrect.", "The request body is empty.");
        }
        try (XmlReader xml = new XmlReader(new ByteArrayInputStream(body))) {
            return reader.apply(xml);
        } catch (RuntimeException e) {
            throw new EngineFault(400, "Request syntactically incorrect.",
                    "For correct usage, see: https://localhost/ovirt-engine/apidoc");
        }
    }

    /**
     * Collects characters in one growing array and encodes them once at the end. The StAX writer
     * emits one tiny string per name, attribute and value; an {@code OutputStreamWriter} pays its
     * encoder set-up on each of them, which dominated the time to list thousands of VMs.
     */
    static final class CharSink extends Writer {
        private char[] chars = new char[8192];
        private int count;

        @Override
        public void write(int c) {
            ensure(1);
            chars[count++] = (char) c;
        }

        @Override
        public void write(char[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, chars, count, length);
            count += length;
        }

        @Override
        public void write(String text, int offset, int length) {
            ensure(length);
            text.getChars(offset, offset + length, chars, count);
            count += length;
        }

        private void ensure(int more) {
            if (count + more > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, count + more));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        byte[] toUtf8() {
            return new String(chars, 0, count).getBytes(StandardCharsets.UTF_8);
        }
    }
}
