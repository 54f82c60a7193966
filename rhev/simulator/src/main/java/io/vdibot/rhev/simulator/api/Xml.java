package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.EngineFault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (XmlWriter writer = new XmlWriter(out, false)) {
            body.accept(writer);
            writer.flush();
        }
        return out.toByteArray();
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
}
