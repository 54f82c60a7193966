package io.vdibot.rhev.simulator.api;

import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ovirt.api.metamodel.runtime.xml.XmlWriter;

/**
 * Adds the engine's {@code <link href=".../nics" rel="nics"/>} elements to the resources the SDK's
 * writers write (those writers only know embedded lists). The SDK reads each link into the matching
 * list attribute with its href, which is what {@code Connection.followLink} follows.
 *
 * <p>Only the document's own resources get links: the root element, or the items of a collection
 * root; references nested deeper ({@code <nic><vm href id/></nic>}) stay bare, as on the engine.
 */
final class LinkingXmlWriter extends XmlWriter {

    /** One open element: its tag, its href once written, and how deep it sits. */
    private static final class Open {
        final String tag;
        final int depth;
        String href;
        boolean actionsWritten;

        Open(String tag, int depth) {
            this.tag = tag;
            this.depth = depth;
        }
    }

    private final Map<String, List<String>> relsByTag;
    private final Function<String, List<String>> actionsByHref;
    private final Deque<Open> open = new ArrayDeque<>();

    /**
     * @param relsByTag     for each resource tag ({@code vm}), the sub-collections to link ({@code nics})
     * @param actionsByHref for a resource's href, the actions it offers now ({@code start}), or null for none
     */
    LinkingXmlWriter(Writer out, Map<String, List<String>> relsByTag, Function<String, List<String>> actionsByHref) {
        super(out, false);
        this.relsByTag = relsByTag;
        this.actionsByHref = actionsByHref;
    }

    @Override
    public void writeStartElement(String name) {
        Open parent = open.peek();
        if (parent != null) {
            writeActions(parent);
        }
        open.push(new Open(name, open.size()));
        super.writeStartElement(name);
    }

    /** The engine writes {@code <actions>} as a resource's first child. */
    private void writeActions(Open resource) {
        if (resource.actionsWritten || resource.depth > 1 || resource.href == null) {
            return;
        }
        resource.actionsWritten = true;
        List<String> actions = actionsByHref.apply(resource.href);
        if (actions == null || actions.isEmpty()) {
            return;
        }
        super.writeStartElement("actions");
        for (String action : actions) {
            super.writeStartElement("link");
            super.writeAttribute("href", resource.href + "/" + action);
            super.writeAttribute("rel", action);
            super.writeEndElement();
        }
        super.writeEndElement();
    }

    @Override
    public void writeAttribute(String name, String value) {
        Open current = open.peek();
        if (current != null && name.equals("href")) {
            current.href = value;
        }
        super.writeAttribute(name, value);
    }

    @Override
    public void writeEndElement() {
        Open closing = open.peek();
        writeActions(closing);
        open.pop();
        List<String> rels = closing.depth <= 1 && closing.href != null ? relsByTag.get(closing.tag) : null;
        if (rels != null) {
            for (String rel : rels) {
                super.writeStartElement("link");
                super.writeAttribute("href", closing.href + "/" + rel);
                super.writeAttribute("rel", rel);
                super.writeEndElement();
            }
        }
        super.writeEndElement();
    }
}
