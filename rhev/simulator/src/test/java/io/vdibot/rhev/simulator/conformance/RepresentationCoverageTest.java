package io.vdibot.rhev.simulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * How much of what a real engine returns for one object the simulator returns too: for each type,
 * the element names and sub-collection links of a real RHV 4.4 response
 * ({@code conformance/engine-elements.txt}) against the simulator's answer for a comparable object.
 * At least 90 % must be there, and nothing may be outside the API model.
 */
class RepresentationCoverageTest {

    private static final double REQUIRED = 0.90;
    private static final Map<String, Set<String>> REFERENCE = readReference();
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    private static SimulatorFixture fixture;
    private static RawApi raw;

    @BeforeAll
    static void start() {
        fixture = SimulatorFixture.start();
        raw = RawApi.connect(fixture, "dc1");
    }

    @AfterAll
    static void stop() {
        fixture.close();
        System.out.println("representation coverage against a real RHV 4.4 engine: " + FIGURES);
    }

    /** type tag, collection path, a search choosing a comparable object (a running VM, a data domain). */
    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("vm", "vms", "name=par-jump-01"),
                Arguments.of("template", "templates", "name=rhel9-desktop"),
                Arguments.of("cluster", "clusters", "name=Win-Desktops"),
                Arguments.of("host", "hosts", "status=up"),
                Arguments.of("data_center", "datacenters", "name=Paris-DC"),
                Arguments.of("network", "networks", "name=vdi-desktops"),
                Arguments.of("vnic_profile", "vnicprofiles", "name=vdi-desktops"),
                Arguments.of("disk", "disks", "name=par-jump-01*"),
                Arguments.of("storage_domain", "storagedomains", "name=paris-data-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void atLeast90PercentOfWhatARealEngineReturnsAndNothingOutsideTheModel(String tag, String collection,
            String search) {
        ModelType type = ApiModelCatalog.shared().typeForTag(tag).orElseThrow();
        Set<String> reference = REFERENCE.get(tag);
        reference.forEach(name -> assertThat(isModelMember(type, name))
                .as("reference entry %s of %s is in the model", name, tag).isTrue());

        Element item = firstItem(collection, search);
        HttpResponse<String> one = raw.get(collection + "/" + item.getAttribute("id"));
        assertThat(one.statusCode()).isEqualTo(200);
        Set<String> emitted = childNames(parse(one.body()));

        List<String> outside = emitted.stream().filter(name -> !isModelMember(type, name)).toList();
        assertThat(outside).as("%s elements outside the model", tag).isEmpty();
        Set<String> missing = new TreeSet<>(reference);
        missing.removeAll(emitted);
        double coverage = 1.0 - (double) missing.size() / reference.size();
        FIGURES.put(tag, String.format(Locale.ROOT, "%.0f%% (%d/%d)", coverage * 100,
                reference.size() - missing.size(), reference.size()));
        assertThat(coverage).as("%s coverage %.0f%%, missing %s", tag, coverage * 100, missing)
                .isGreaterThanOrEqualTo(REQUIRED);
    }

    private static boolean isModelMember(ModelType type, String name) {
        if (name.equals("actions")) {
            return type.isResource();
        }
        if (name.startsWith("link:")) {
            String rel = name.substring("link:".length());
            return type.members().values().stream()
                    // legacy names keep the type's prefix (host_numa_nodes), the rel does not (numanodes)
                    .anyMatch(m -> m.list() && m.elementName().replace("_", "").endsWith(rel));
        }
        return type.member(name).isPresent();
    }

    private static Element firstItem(String collection, String search) {
        HttpResponse<String> list = raw.get(collection + "?search=" + RawApi.encode(search));
        assertThat(list.statusCode()).isEqualTo(200);
        Element root = parse(list.body());
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no " + collection + " matching " + search);
    }

    /** Direct child element names, and {@code link:rel} for each sub-collection link. */
    private static Set<String> childNames(Element root) {
        Set<String> names = new LinkedHashSet<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getTagName().equals("link") ? "link:" + e.getAttribute("rel") : e.getTagName());
            }
        }
        return names;
    }

    private static Element parse(String xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    private static Map<String, Set<String>> readReference() {
        try (InputStream in = RepresentationCoverageTest.class.getResourceAsStream("/conformance/engine-elements.txt")) {
            Map<String, Set<String>> out = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\n")));
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                out.put(line.substring(0, colon).trim(),
                        new LinkedHashSet<>(Arrays.asList(line.substring(colon + 1).trim().split("\\s+"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
