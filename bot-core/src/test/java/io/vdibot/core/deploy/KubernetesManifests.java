package io.vdibot.core.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/**
 * One rendering of {@code deploy/kubernetes} ({@code kubectl kustomize}), parsed into the fabric8 Kubernetes model,
 * and the configuration the bot's container would see: its environment variables over the ConfigMap's
 * {@code application-<profile>.yml} and {@code application.yml} over the bot's own {@code application.yml}, the
 * order Spring Boot reads them in.
 */
final class KubernetesManifests {

    static final Path ROOT = Path.of("..", "deploy", "kubernetes");

    final String name;
    final List<HasMetadata> objects;

    private KubernetesManifests(String name, List<HasMetadata> objects) {
        this.name = name;
        this.objects = objects;
    }

    @Override
    public String toString() {
        return name;
    }

    static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kubectl kustomize <ROOT>/<dir>}, every document parsed as its typed Kubernetes object. */
    static KubernetesManifests render(String dir) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve(dir).toString()).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
            }
            return new KubernetesManifests(dir, parse(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every YAML document of {@code text} as the typed object its apiVersion and kind name. */
    static List<HasMetadata> parse(String text) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : text.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                objects.add(Serialization.unmarshal(document));
            }
        }
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError(name + ": expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    Deployment deployment() {
        return one(Deployment.class);
    }

    PodSpec pod() {
        return deployment().getSpec().getTemplate().getSpec();
    }

    Container bot() {
        return pod().getContainers().get(0);
    }

    Optional<String> env(String variable) {
        return bot().getEnv().stream().filter(e -> e.getName().equals(variable)).map(EnvVar::getValue).findFirst();
    }

    List<String> profiles() {
        return env("SPRING_PROFILES_ACTIVE").map(p -> Arrays.stream(p.split(",")).map(String::trim).toList())
                .orElse(List.of());
    }

    Volume volume(String volumeName) {
        return pod().getVolumes().stream().filter(v -> v.getName().equals(volumeName)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no volume " + volumeName));
    }

    /** The mount holding {@code file}, the deepest if mounts nest. */
    Optional<VolumeMount> mountOf(String file) {
        return bot().getVolumeMounts().stream()
                .filter(m -> file.startsWith(m.getMountPath().endsWith("/") ? m.getMountPath() : m.getMountPath() + "/"))
                .max((a, b) -> Integer.compare(a.getMountPath().length(), b.getMountPath().length()));
    }

    /** The number a container port reference (a number or a port name) stands for. */
    int containerPort(IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return bot().getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no container port named " + port.getStrVal()))
                .getContainerPort();
    }

    /** The ConfigMap mounted as the bot's configuration directory. */
    ConfigMap configMap() {
        String mapName = volume("config").getConfigMap().getName();
        return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(mapName)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": the config volume names no rendered ConfigMap"));
    }

    /** The ConfigMap's files the bot reads, most specific first: {@code application-<profile>.yml}, then {@code application.yml}. */
    List<PropertySource<?>> configFiles() {
        List<PropertySource<?>> sources = new ArrayList<>();
        Map<String, String> data = configMap().getData();
        List<String> profiles = new ArrayList<>(profiles());
        java.util.Collections.reverse(profiles);
        for (String profile : profiles) {
            String file = "application-" + profile + ".yml";
            if (data.containsKey(file)) {
                sources.addAll(yaml("configmap:" + file, data.get(file)));
            }
        }
        sources.addAll(yaml("configmap:application.yml", data.get("application.yml")));
        return sources;
    }

    /**
     * What the container's Spring environment holds: environment variables (a value from a Secret shows as
     * {@code <secretKeyRef:name/key>}), the ConfigMap's files, the bot's own application.yml. The test machine's own
     * environment and system properties are left out.
     */
    StandardEnvironment springEnvironment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        Map<String, Object> variables = new HashMap<>();
        for (EnvVar variable : bot().getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                variables.put(variable.getName(), "<secretKeyRef:" + variable.getValueFrom().getSecretKeyRef().getName()
                        + "/" + variable.getValueFrom().getSecretKeyRef().getKey() + ">");
            } else if (variable.getValue() != null) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        configFiles().forEach(environment.getPropertySources()::addLast);
        try {
            new YamlPropertySourceLoader().load("classpath:application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    /** Every property name the ConfigMap's files set, as written. */
    List<String> configuredNames() {
        List<String> names = new ArrayList<>();
        for (PropertySource<?> source : configFiles()) {
            names.addAll(Arrays.asList(((EnumerablePropertySource<?>) source).getPropertyNames()));
        }
        return names;
    }

    private static List<PropertySource<?>> yaml(String name, String content) {
        if (content == null) {
            throw new AssertionError("no " + name + " in the ConfigMap");
        }
        try {
            return new YamlPropertySourceLoader().load(name,
                    new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
