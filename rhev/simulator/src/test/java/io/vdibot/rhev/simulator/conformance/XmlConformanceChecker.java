package io.vdibot.rhev.simulator.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks that an XML document the simulator sends is one the real engine could send: every element
 * must be defined by the API model for the type it appears in (see {@link ApiModelCatalog}), lists
 * must hold only their item element, enums and scalars must be plain text of the right form.
 *
 * <p>Besides the model, the engine's schema lets every resource (identified types, the API root and
 * actions) carry {@code id}/{@code href} attributes, {@code <link href rel/>} elements and an
 * {@code <actions>} element of links; a few further elements are allowed by {@link EngineOnlyElements}.
 */
public final class XmlConformanceChecker {

    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("id", "href");
    private static final Set<String> LINK_ATTRIBUTES = Set.of("href", "rel");
    private static final int DOCUMENT_EXCERPT = 4000;

    private final ApiModelCatalog catalog;

    public XmlConformanceChecker() {
        this(ApiModelCatalog.shared());
    }

    XmlConformanceChecker(ApiModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** Fails with every violation listed unless {@code xml} conforms to the API model. */
    public static void assertConforms(String xml) {
        assertConforms(xml, null);
    }

    /**
     * Like {@link #assertConforms(String)}, and the root element must be {@code expectedRoot}, e.g.
     * {@code vm} for a single VM or {@code vms} for a list of them.
     */
    public static void assertConforms(String xml, String expectedRoot) {
        List<Violation> violations = new XmlConformanceChecker().check(xml, expectedRoot);
        if (!violations.isEmpty()) {
            throw new AssertionError(report(violations, xml));
        }
    }

    public static void assertConforms(byte[] xml) {
        assertConforms(xml, null);
    }

    public static void assertConforms(byte[] xml, String expectedRoot) {
        List<Violation> violations = new XmlConformanceChecker().check(xml, expectedRoot);
        if (!violations.isEmpty()) {
            throw new AssertionError(report(violations, new String(xml, StandardCharsets.UTF_8)));
        }
    }

    public List<Violation> check(String xml) {
        return check(xml, null);
    }

    /** @param expectedRoot the root element the document must have, or {@code null} for any */
    public List<Violation> check(String xml, String expectedRoot) {
        return check(new InputSource(new StringReader(xml)), expectedRoot);
    }

    public List<Violation> check(byte[] xml) {
        return check(xml, null);
    }

    /** Bytes are decoded as the document's XML declaration says (UTF-8 without one). */
    public List<Violation> check(byte[] xml, String expectedRoot) {
        return check(new InputSource(new ByteArrayInputStream(xml)), expectedRoot);
    }

    private List<Violation> check(InputSource source, String expectedRoot) {
        Element root;
        try {
            root = parse(source);
        } catch (SAXException | IOException e) {
            return List.of(new Violation("/", "", "", "not well-formed XML: " + e.getMessage()));
        }
        Walk walk = new Walk();
        walk.root(root, expectedRoot);
        return List.copyOf(walk.violations);
    }

    private static String report(List<Violation> violations, String xml) {
        String excerpt = xml.length() > DOCUMENT_EXCERPT ? xml.substring(0, DOCUMENT_EXCERPT) + "..." : xml;
        return violations.size() + " violation(s) of the oVirt API model:\n  "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  "))
                + "\nin document:\n" + excerpt;
    }

    private static Element parse(InputSource source) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // responses never carry a DTD; refusing one keeps the parser from reaching out anywhere
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e; // instead of the default printing to stderr first
                }
            });
            return builder.parse(source).getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /** One pass over one document, collecting violations. */
    private final class Walk {

        private final List<Violation> violations = new ArrayList<>();

        void root(Element root, String expectedRoot) {
            String tag = root.getTagName();
            String path = "/" + tag;
            if (expectedRoot != null && !expectedRoot.equals(tag)) {
                add(path, tag, "", "expected root <" + expectedRoot + ">");
            }
            Optional<ModelType> single = catalog.typeForTag(tag);
            Optional<ModelType> collection = catalog.typeForCollectionTag(tag);
            if (single.isPresent()) {
                value(root, single.get(), "", path);
            } else if (collection.isPresent()) {
                ModelType itemType = collection.get();
                items(root, itemType, itemType.tag(), "collection of " + itemType.name(), path);
            } else {
                add(path, tag, "", "neither a model type nor a collection of one");
            }
        }

        /** An element holding a value of {@code type}, inside an element of type {@code owner}. */
        private void value(Element element, ModelType type, String owner, String path) {
            if (type.isStruct()) {
                object(element, type, owner, path);
            } else {
                leaf(element, type, owner, path);
            }
        }

        private void object(Element element, ModelType type, String owner, String path) {
            attributes(element, allowedAttributes(type), owner, path);
            noText(element, type.name(), path);
            Set<String> seen = new HashSet<>();
            for (Element child : children(element)) {
                String name = child.getTagName();
                String childPath = path + "/" + name;
                if (type.isResource() && name.equals("link")) {
                    link(child, type.name(), childPath);
                    continue;
                }
                if (type.isResource() && name.equals("actions")) {
                    actions(child, type.name(), childPath);
                    continue;
                }
                Optional<ModelMember> member = type.member(name).or(() -> EngineOnlyElements.lookup(type, name));
                if (member.isEmpty()) {
                    add(childPath, name, type.name(), "not an element of " + type.name());
                    continue;
                }
                if (!seen.add(name)) {
                    add(childPath, name, type.name(), "repeated; the model allows it once");
                }
                member(child, member.get(), type.name(), childPath);
            }
        }

        /**
         * Resources carry {@code id} and {@code href}; a plain struct with an {@code id} member (a
         * VLAN) writes it as an attribute too, as the metamodel's XML rules and the SDK do:
         * {@code <vlan id="210"/>}.
         */
        private Set<String> allowedAttributes(ModelType type) {
            if (type.isResource()) {
                return RESOURCE_ATTRIBUTES;
            }
            return type.hasIdAttribute() ? Set.of("id") : Set.of();
        }

        private void member(Element element, ModelMember member, String owner, String path) {
            ModelType type = catalog.require(member.typeName());
            if (member.list()) {
                items(element, type, member.itemTag(), owner + "." + member.elementName(), path);
            } else {
                value(element, type, owner, path);
            }
        }

        /** A list wrapper ({@code <nics>}) or a collection root ({@code <vms>}): only item elements. */
        private void items(Element wrapper, ModelType itemType, String itemTag, String owner, String path) {
            attributes(wrapper, Set.of(), owner, path);
            noText(wrapper, owner, path);
            int index = 0;
            for (Element item : children(wrapper)) {
                index++;
                String itemPath = path + "/" + item.getTagName() + "[" + index + "]";
                if (item.getTagName().equals(itemTag)) {
                    value(item, itemType, owner, itemPath);
                } else {
                    add(itemPath, item.getTagName(), owner, "a list of " + itemType.name() + " holds only <" + itemTag + ">");
                }
            }
        }

        private void leaf(Element element, ModelType type, String owner, String path) {
            attributes(element, Set.of(), owner, path);
            List<Element> nested = children(element);
            for (Element child : nested) {
                add(path + "/" + child.getTagName(), child.getTagName(), type.name(),
                        "nested under <" + element.getTagName() + ">, a " + type.name() + " leaf");
            }
            if (nested.isEmpty()) {
                ScalarValues.problem(type, element.getTextContent())
                        .ifPresent(problem -> add(path, element.getTagName(), owner, problem));
            }
        }

        private void link(Element link, String owner, String path) {
            attributes(link, LINK_ATTRIBUTES, owner, path);
            noText(link, owner, path);
            for (Element child : children(link)) {
                add(path + "/" + child.getTagName(), child.getTagName(), owner, "<link> holds no elements");
            }
        }

        private void actions(Element actions, String owner, String path) {
            attributes(actions, Set.of(), owner, path);
            noText(actions, owner, path);
            for (Element child : children(actions)) {
                String childPath = path + "/" + child.getTagName();
                if (child.getTagName().equals("link")) {
                    link(child, owner, childPath);
                } else {
                    add(childPath, child.getTagName(), owner, "<actions> holds only <link>");
                }
            }
        }

        private void attributes(Element element, Set<String> allowed, String owner, String path) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = ((Attr) attributes.item(i)).getName();
                if (!allowed.contains(name) && !name.equals("xmlns") && !name.startsWith("xmlns:")) {
                    add(path, element.getTagName(), owner, "unexpected attribute " + name);
                }
            }
        }

        private void noText(Element element, String owner, String path) {
            for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
                boolean text = node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
                if (text && !node.getNodeValue().isBlank()) {
                    add(path, element.getTagName(), owner, "text '" + node.getNodeValue().strip() + "' where only elements belong");
                    return;
                }
            }
        }

        private List<Element> children(Element element) {
            List<Element> children = new ArrayList<>();
            NodeList nodes = element.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element child) {
                    children.add(child);
                }
            }
            return children;
        }

        private void add(String path, String element, String owner, String problem) {
            violations.add(new Violation(path, element, owner, problem));
        }
    }
}
