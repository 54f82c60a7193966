package io.vdibot.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.vdibot.core.config.DatabaseProperties;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.core.directory.DirectoryProperties;
import io.vdibot.core.directory.DirectorySecretsProperties;
import io.vdibot.core.directory.DirectoryTlsProperties;
import io.vdibot.core.slack.SlackProperties;
import io.vdibot.core.teams.TeamsProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code deploy/kubernetes}, rendered by {@code kubectl kustomize} (the base and the production overlay) and parsed
 * with the fabric8 Kubernetes model, checked against the bot's real configuration: the properties the manifests set
 * are ones the bot binds, the probes ask the actuator on the management port the configuration opens, the Service
 * reaches the chat port, and every secret is a file mounted from a Kubernetes Secret, never a literal.
 */
class KubernetesManifestsTest {

    /** The Secrets an installation creates (deploy/kubernetes/README.md). */
    private static final Set<String> SECRETS = Set.of("vdibot-database", "vdibot-directory", "vdibot-engines",
            "vdibot-slack", "vdibot-teams");
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(password|secret|token|credential|key).*");

    private static BoundPropertyCatalog bound;
    private static List<KubernetesManifests> renderings;

    @BeforeAll
    static void render() {
        bound = BoundPropertyCatalog.load();
        renderings = KubernetesManifests.kubectlAvailable()
                ? List.of(KubernetesManifests.render("base"), KubernetesManifests.render("overlays/production"))
                : null;
    }

    /**
     * The base and the overlay as kustomize renders them. Without kubectl only these are skipped: every file is still
     * parsed with the Kubernetes model by {@link #everyManifestFileIsATypedKubernetesObject}.
     */
    static Stream<KubernetesManifests> renderings() {
        Assumptions.assumeTrue(renderings != null, "kubectl is not installed: deploy/kubernetes is not rendered here");
        return renderings.stream();
    }

    @Test
    void everyManifestFileIsATypedKubernetesObject() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(KubernetesManifests.ROOT)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : files) {
            for (HasMetadata object : KubernetesManifests.parse(Files.readString(file))) {
                assertThat(object).as(file + " is a kind the Kubernetes model knows")
                        .isNotInstanceOf(GenericKubernetesResource.class);
            }
        }
        assertThat(bound.botClasses()).as("the bot's configuration classes were found")
                .contains(VdibotProperties.class, SlackProperties.class, DatabaseProperties.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void twoHardenedReplicasWriteOnlyToEmptyDirs(KubernetesManifests k8s) {
        Deployment deployment = k8s.deployment();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        PodSpec pod = k8s.pod();
        Container bot = k8s.bot();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).as("no VDIBOT_SERVICE_HOST etc. read as vdibot.* settings").isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getContainers()).hasSize(1);
        assertThat(bot.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(bot.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(bot.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(bot.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(bot.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(bot.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(bot.getResources().getLimits()).containsKey("memory");

        StandardEnvironment spring = k8s.springEnvironment();
        String dataDir = spring.getProperty("vdibot.data-dir");
        Map<String, String> writable = new LinkedHashMap<>();
        for (VolumeMount mount : bot.getVolumeMounts()) {
            if (!Boolean.TRUE.equals(mount.getReadOnly())) {
                Volume volume = k8s.volume(mount.getName());
                assertThat(volume.getEmptyDir()).as("%s: writable mount %s is an emptyDir", k8s, mount.getMountPath())
                        .isNotNull();
                assertThat(volume.getEmptyDir().getSizeLimit()).as("%s: size limit of %s", k8s, mount.getName())
                        .isNotNull();
                writable.put(mount.getMountPath(), mount.getName());
            }
        }
        assertThat(writable).containsOnlyKeys("/tmp", dataDir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void probesAskTheActuatorOnTheManagementPort(KubernetesManifests k8s) {
        StandardEnvironment spring = k8s.springEnvironment();
        String managementPort = spring.getProperty("management.server.port");
        assertThat(managementPort).as("%s: the management port is configured", k8s).isNotBlank();
        int management = Integer.parseInt(managementPort);
        assertThat(management).isNotEqualTo(serverPort(spring));
        assertThat(spring.getProperty("management.server.address")).as("reachable from the kubelet").isEqualTo("0.0.0.0");
        assertThat(spring.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(spring.getProperty("spring.main.web-application-type"))
                .as("the management server needs the web server, whatever the chat adapters need").isEqualTo("servlet");
        String health = spring.getProperty("management.endpoints.web.base-path", "/actuator") + "/health";

        Container bot = k8s.bot();
        assertThat(bot.getPorts()).extracting(ContainerPort::getContainerPort).contains(management);
        record Expected(String which, Probe probe, String path) {
        }
        for (Expected expected : List.of(new Expected("startup", bot.getStartupProbe(), health + "/liveness"),
                new Expected("liveness", bot.getLivenessProbe(), health + "/liveness"),
                new Expected("readiness", bot.getReadinessProbe(), health + "/readiness"))) {
            assertThat(expected.probe()).as("%s: %s probe", k8s, expected.which()).isNotNull();
            assertThat(expected.probe().getHttpGet().getPath()).as("%s: %s probe", k8s, expected.which())
                    .isEqualTo(expected.path());
            assertThat(k8s.containerPort(expected.probe().getHttpGet().getPort()))
                    .as("%s: %s probe's port", k8s, expected.which()).isEqualTo(management);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theServiceAndTheNetworkPolicyReachTheChatPort(KubernetesManifests k8s) {
        int chat = serverPort(k8s.springEnvironment());
        Map<String, String> podLabels = k8s.deployment().getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(k8s.deployment().getSpec().getSelector().getMatchLabels());

        Service service = k8s.one(Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getTargetPort).extracting(k8s::containerPort)
                .containsExactly(chat);

        NetworkPolicy policy = k8s.one(NetworkPolicy.class);
        assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        List<Integer> open = new ArrayList<>();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            rule.getPorts().forEach(p -> open.add(k8s.containerPort(p.getPort())));
        }
        assertThat(open).contains(chat);

        PodDisruptionBudget budget = k8s.one(PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isPositive()
                .isLessThan(k8s.deployment().getSpec().getReplicas());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everySecretIsAFileFromAKubernetesSecret(KubernetesManifests k8s) {
        StandardEnvironment spring = k8s.springEnvironment();
        Binder binder = Binder.get(spring);
        VdibotProperties vdibot = binder.bindOrCreate("vdibot", VdibotProperties.class);
        SlackProperties slack = binder.bindOrCreate("vdibot.slack", SlackProperties.class);
        TeamsProperties teams = binder.bindOrCreate("vdibot.teams", TeamsProperties.class);
        DirectoryProperties directory = binder.bindOrCreate("vdibot.directory", DirectoryProperties.class);

        Map<String, Path> files = new LinkedHashMap<>();
        files.put("vdibot.database.password-file",
                binder.bindOrCreate("vdibot.database", DatabaseProperties.class).passwordFile());
        files.put("vdibot.directory.bind-password-file",
                binder.bindOrCreate("vdibot.directory", DirectorySecretsProperties.class).bindPasswordFile());
        for (int i = 0; i < vdibot.sites().size(); i++) {
            files.put("vdibot.sites[" + i + "].password-file", vdibot.sites().get(i).passwordFile());
        }
        files.put("vdibot.slack.bot-token-file", slack.botTokenFile());
        files.put("vdibot.slack.signing-secret-file", slack.signingSecretFile());
        files.put("vdibot.teams.app-password-file", teams.appPasswordFile());
        if (slack.appTokenFile() != null) {
            files.put("vdibot.slack.app-token-file", slack.appTokenFile());
        }

        // nothing inline: neither in the ConfigMap nor in a literal environment variable
        assertThat(spring.getProperty("spring.datasource.password")).as("%s: database password inline", k8s).isNull();
        assertThat(directory.bindPassword()).as("%s: bind password inline", k8s).isEmpty();
        assertThat(vdibot.sites()).allSatisfy(site -> assertThat(site.password())
                .as("%s: engine password of %s inline", k8s, site.name()).isNull());
        assertThat(List.of(nullToEmpty(slack.botToken()), nullToEmpty(slack.signingSecret()),
                nullToEmpty(slack.appToken()), nullToEmpty(teams.appPassword()))).as("%s: chat secrets inline", k8s)
                .allMatch(String::isEmpty);
        for (EnvVar variable : k8s.bot().getEnv()) {
            if (SECRET_LIKE.matcher(variable.getName()).matches()) {
                assertThat(variable.getValue()).as("%s: %s is a literal", k8s, variable.getName()).isNull();
                assertThat(variable.getValueFrom().getSecretKeyRef()).isNotNull();
            }
        }
        assertThat(k8s.all(Secret.class)).as("Secrets are created outside the repository").isEmpty();

        Set<String> used = new TreeSet<>();
        files.forEach((property, file) -> {
            assertThat(file).as("%s: %s is set", k8s, property).isNotNull();
            VolumeMount mount = k8s.mountOf(file.toString())
                    .orElseThrow(() -> new AssertionError(k8s + ": " + property + " = " + file + " is not mounted"));
            assertThat(mount.getReadOnly()).as("%s: %s mounted read-only", k8s, property).isTrue();
            SecretVolumeSource secret = k8s.volume(mount.getName()).getSecret();
            assertThat(secret).as("%s: %s comes from a Secret", k8s, property).isNotNull();
            assertThat(secret.getDefaultMode()).as("%s: not readable by others", k8s).isNotNull()
                    .matches(mode -> (mode & 0007) == 0);
            String key = Path.of(mount.getMountPath()).relativize(file).toString();
            if (secret.getItems() != null && !secret.getItems().isEmpty()) {
                assertThat(secret.getItems()).extracting(KeyToPath::getPath).as("%s: %s", k8s, property).contains(key);
            }
            used.add(secret.getSecretName());
        });
        assertThat(SECRETS).containsAll(used);
        if (!vdibot.sites().isEmpty()) {
            assertThat(used).as("%s: every kind of secret is read from its Secret", k8s).isEqualTo(SECRETS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everySettingTheManifestsMakeIsOneTheBotBinds(KubernetesManifests k8s) {
        List<String> names = new ArrayList<>(k8s.configuredNames());
        for (EnvVar variable : k8s.bot().getEnv()) {
            if (variable.getName().matches("(SPRING|VDIBOT|SERVER|MANAGEMENT|LOGGING)_.*")) {
                names.add(variable.getName());
            }
        }
        // without Actuator on the class path (it comes with the metrics work) management.* is not checkable here
        boolean actuator = bound.isBound("management.server.port");
        List<String> unbound = names.stream()
                .filter(name -> actuator || !name.toLowerCase().startsWith("management"))
                .filter(name -> !bound.isBound(name)).toList();
        assertThat(unbound).as("%s: settings nothing binds", k8s).isEmpty();

        StandardEnvironment spring = k8s.springEnvironment();
        String configDir = spring.getProperty("spring.config.additional-location", "").replaceFirst("^(optional:)?file:", "");
        VolumeMount config = k8s.bot().getVolumeMounts().stream().filter(m -> m.getName().equals("config")).findFirst()
                .orElseThrow();
        assertThat(configDir).as("%s: the ConfigMap is where Spring looks", k8s)
                .isIn(config.getMountPath(), config.getMountPath() + "/");
        ConfigMap configMap = k8s.configMap();
        List<String> read = new ArrayList<>(List.of("application.yml"));
        k8s.profiles().forEach(profile -> read.add("application-" + profile + ".yml"));
        assertThat(read).as("%s: every file of the ConfigMap is read", k8s).containsAll(configMap.getData().keySet());

        Binder binder = Binder.get(spring);
        List<Path> caFiles = new ArrayList<>();
        binder.bind("vdibot.sites", Bindable.listOf(VdibotProperties.Site.class)).orElse(List.of())
                .forEach(site -> caFiles.add(site.caFile()));
        Path directoryCa = binder.bindOrCreate("vdibot.directory", DirectoryTlsProperties.class).caFile();
        if (directoryCa != null) {
            caFiles.add(directoryCa);
        }
        for (Path ca : caFiles) {
            assertThat(ca).as("%s: a site without its CA file", k8s).isNotNull();
            VolumeMount mount = k8s.mountOf(ca.toString())
                    .orElseThrow(() -> new AssertionError(k8s + ": CA file " + ca + " is not mounted"));
            assertThat(k8s.volume(mount.getName()).getConfigMap()).as("%s: %s", k8s, ca).isNotNull();
        }
    }

    private static int serverPort(StandardEnvironment spring) {
        return Integer.parseInt(spring.getProperty("server.port", "8080"));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
