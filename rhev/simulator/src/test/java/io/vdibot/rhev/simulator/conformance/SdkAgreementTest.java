package io.vdibot.rhev.simulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the catalog, derived from the model, against the Java SDK, which was generated from
 * the same model by the same metamodel: the tags its XML readers are registered under, the members
 * of its types and the values of its enums must all be known to the catalog. This is what keeps the
 * naming rules in {@link EngineNaming} honest.
 */
class SdkAgreementTest {

    /** The SDK's registry of XML readers: root tag → reader method. */
    private static final String READER_REGISTRY = "org/ovirt/api/metamodel/runtime/xml/methods.properties";
    private static final Pattern READER = Pattern.compile("\\.Xml(\\w+)Reader\\.read(One|Many)$");
    private static final String SDK_TYPES = "org.ovirt.engine.sdk4.types.";

    private final ApiModelCatalog catalog = ApiModelCatalog.shared();

    @Test
    void everyTagTheSdkReadsNamesTheSameTypeInTheCatalog() throws IOException {
        Properties readers = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(READER_REGISTRY)) {
            assertThat(in).as("SDK reader registry").isNotNull();
            readers.load(in);
        }
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (String tag : readers.stringPropertyNames()) {
            Matcher reader = READER.matcher(readers.getProperty(tag));
            assertThat(reader.find()).as(readers.getProperty(tag)).isTrue();
            String typeName = reader.group(1);
            boolean collection = reader.group(2).equals("Many");
            Optional<ModelType> type = catalog.type(typeName);
            if (type.isEmpty()) {
                disagreements.add("<" + tag + ">: the model has no type " + typeName);
                continue;
            }
            if (collection && type.get().collectionTag().isEmpty()) {
                continue; // the SDK can read lists of anything; the engine never sends <actions> of Action
            }
            String expected = collection ? type.get().collectionTag().orElseThrow() : type.get().tag();
            if (!expected.equals(tag)) {
                disagreements.add("<" + tag + ">: the catalog calls " + typeName + " <" + expected + ">");
            }
            compared++;
        }
        assertThat(disagreements).isEmpty();
        assertThat(compared).isGreaterThan(400);
    }

    @Test
    void everyMemberOfEverySdkTypeIsInTheCatalog() {
        List<String> missing = new ArrayList<>();
        int compared = 0;
        for (ModelType type : catalog.types()) {
            Optional<Class<?>> sdkType = sdkClass(type.name());
            if (!type.isStruct() || sdkType.isEmpty()) {
                continue;
            }
            for (Method member : sdkMembers(sdkType.get())) {
                String element = EngineNaming.elementName(member.getName());
                Optional<ModelMember> known = type.member(element);
                boolean sdkList = List.class.isAssignableFrom(member.getReturnType());
                if (known.isEmpty()) {
                    missing.add(type.name() + "." + element);
                } else if (known.get().list() != sdkList) {
                    missing.add(type.name() + "." + element + " (list in only one of them)");
                }
                compared++;
            }
        }
        assertThat(missing).isEmpty();
        assertThat(compared).isGreaterThan(1500);
    }

    @Test
    void everyEnumValueTheSdkWritesIsInTheCatalog() throws ReflectiveOperationException {
        List<String> missing = new ArrayList<>();
        for (ModelType type : catalog.types()) {
            Optional<Class<?>> sdkType = sdkClass(type.name());
            if (type.kind() != ModelType.Kind.ENUM || sdkType.isEmpty()) {
                continue;
            }
            Method value = sdkType.get().getMethod("value");
            for (Object constant : sdkType.get().getEnumConstants()) {
                String written = (String) value.invoke(constant);
                if (!type.enumValues().contains(written)) {
                    missing.add(type.name() + ": " + written);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The SDK marks each model member {@code x()} with a companion {@code xPresent()}. */
    private static List<Method> sdkMembers(Class<?> sdkType) {
        Set<String> names = Set.of(Arrays.stream(sdkType.getMethods()).map(Method::getName).toArray(String[]::new));
        List<Method> members = new ArrayList<>();
        for (Method method : sdkType.getMethods()) {
            String element = EngineNaming.elementName(method.getName());
            if (names.contains(method.getName() + "Present") && !element.equals("id") && !element.equals("href")) {
                members.add(method);
            }
        }
        return members;
    }

    private static Optional<Class<?>> sdkClass(String typeName) {
        try {
            return Optional.of(Class.forName(SDK_TYPES + typeName));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
