package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.conformance.XmlConformanceChecker;
import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.PermissionBuilder;
import org.ovirt.engine.sdk4.builders.RoleBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.TemplateVersionBuilder;
import org.ovirt.engine.sdk4.builders.UserBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.TemplatesService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.Permission;
import org.ovirt.engine.sdk4.types.Template;
import org.ovirt.engine.sdk4.types.TemplateStatus;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/** Templates made from VMs, their versions, searches and removal, through the real SDK over HTTPS. */
class TemplateLifecycleTest {

    private static final String BLANK_ID = "00000000-0000-0000-0000-000000000000";
    private static SimulatorFixture fixture;
    private static Connection dc1;

    @BeforeAll
    static void start() {
        fixture = SimulatorFixture.start();
        dc1 = fixture.connect("dc1");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void templateFromARunningVmIsRefusedAndMandatoryFieldsAreChecked() {
        TemplatesService templates = dc1.systemService().templatesService();
        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder().name("from-running")
                .vm(new VmBuilder().name("par-jump-01"))).send())
                .hasMessageContaining("[Cannot add Template. VM is locked or still running, try again once VM is in "
                        + "the Down state.]")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder()
                .vm(new VmBuilder().name("par-win11-golden"))).send())
                .hasMessageContaining("Template [name] required for add").hasMessageContaining("400");
        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder().name("no-vm")).send())
                .hasMessageContaining("Template [vm.id|name] required for add").hasMessageContaining("400");
        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder().name("sealed-win")
                .vm(new VmBuilder().name("par-win11-golden"))).seal(true).send())
                .hasMessageContaining("[Cannot add Template. Sealing of Windows systems is currently not supported.]")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder().name("win10-22h2")
                .vm(new VmBuilder().name("par-win11-golden"))).send())
                .hasMessageContaining("[Cannot add Template. The Template name is already in use, please choose a "
                        + "unique name and try again.]")
                .hasMessageContaining("409");
    }

    @Test
    void templateFromADownVmIsLockedWhileDisksAreCopiedThenOkAndItsVersionIsFoundByName() {
        VmsService vms = dc1.systemService().vmsService();
        TemplatesService templates = dc1.systemService().templatesService();
        Vm source = vms.add().vm(new VmBuilder().name("tpl-src-01").cluster(new ClusterBuilder().name("Linux-Desktops"))
                .template(new TemplateBuilder().name("rhel9-desktop"))).send().vm();
        fixture.advance(Duration.ofSeconds(10));
        String aliceId = dc1.systemService().usersService().list().search("name=alice").send().users().get(0).id();
        vms.vmService(source.id()).permissionsService().add().permission(new PermissionBuilder()
                .role(new RoleBuilder().name("UserVmManager")).user(new UserBuilder().id(aliceId))).send();

        Template created = templates.add().template(new TemplateBuilder().name("golden-rhel9")
                .description("golden image").vm(new VmBuilder().id(source.id()))).clonePermissions(true).send()
                .template();
        assertThat(created.status()).isEqualTo(TemplateStatus.LOCKED);
        assertThat(created.versionPresent()).isTrue();
        assertThat(created.version().versionNumberAsInteger()).isEqualTo(1);
        assertThat(created.version().versionName()).isEqualTo("base version");
        assertThat(vms.vmService(source.id()).get().send().vm().status()).isEqualTo(VmStatus.IMAGE_LOCKED);
        assertThatThrownBy(() -> vms.vmService(source.id()).start().send()).hasMessageContaining("VM is locked");

        fixture.advance(Duration.ofSeconds(89));
        assertThat(templates.templateService(created.id()).get().send().template().status())
                .isEqualTo(TemplateStatus.LOCKED);
        fixture.advance(Duration.ofSeconds(1));
        Template ready = templates.templateService(created.id()).get().send().template();
        assertThat(ready.status()).isEqualTo(TemplateStatus.OK);
        assertThat(ready.vm().id()).isEqualTo(source.id());
        assertThat(ready.description()).isEqualTo("golden image");
        assertThat(vms.vmService(source.id()).get().send().vm().status()).isEqualTo(VmStatus.DOWN);
        assertThat(templates.templateService(created.id()).diskAttachmentsService().list().send().attachments())
                .hasSize(1);
        assertThat(templates.templateService(created.id()).permissionsService().list().send().permissions())
                .extracting(p -> p.user() == null ? null : p.user().id()).contains(aliceId);
        assertThat(eventCodesFor("golden-rhel9")).contains(48, 51);
        List<Job> jobs = dc1.systemService().jobsService().list().send().jobs();
        assertThat(jobs).filteredOn(j -> j.description().equals("Creating VM Template golden-rhel9 in Data Center "
                + "Paris-DC")).singleElement().extracting(Job::status).isEqualTo(JobStatus.FINISHED);

        Template version = templates.add().template(new TemplateBuilder().name("ignored-for-versions")
                .vm(new VmBuilder().id(source.id()))
                .version(new TemplateVersionBuilder().baseTemplate(new TemplateBuilder().id(created.id()))
                        .versionName("2026-11-hardened"))).send().template();
        assertThat(version.name()).isEqualTo("golden-rhel9");
        assertThat(version.version().versionNumberAsInteger()).isEqualTo(2);
        assertThat(version.version().baseTemplate().id()).isEqualTo(created.id());
        fixture.advance(Duration.ofSeconds(90));

        List<Template> found = templates.list().search("name=golden-rhel9 and version_name=2026-11-hardened").send()
                .templates();
        assertThat(found).extracting(Template::id).containsExactly(version.id());
        assertThat(found.get(0).status()).isEqualTo(TemplateStatus.OK);

        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder().name("x")
                .vm(new VmBuilder().id(source.id()))
                .version(new TemplateVersionBuilder().baseTemplate(new TemplateBuilder().id(version.id())))).send())
                .hasMessageContaining("[Cannot add Template. Only the first template version can be selected as the "
                        + "base template.]")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder().name("x")
                .vm(new VmBuilder().id(source.id()))
                .version(new TemplateVersionBuilder().baseTemplate(new TemplateBuilder()
                        .id("0b0b0b0b-0000-0000-0000-000000000000")))).send())
                .hasMessageContaining("[Cannot add Template. The relevant Template doesn't exist.]")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder().name("x")
                .vm(new VmBuilder().id(source.id()))
                .version(new TemplateVersionBuilder().baseTemplate(new TemplateBuilder().id(BLANK_ID)))).send())
                .hasMessageContaining("[Blank template can't have sub-templates.]");
    }

    @Test
    void theTargetStorageDomainMustBeAnActiveDataDomainOfTheVmsDataCenter() {
        TemplatesService templates = dc1.systemService().templatesService();
        String exportDomainId = domainId("dc1", "vdi-export");
        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder().name("to-export")
                .vm(new VmBuilder().name("par-win11-golden"))
                .storageDomain(new StorageDomainBuilder().id(exportDomainId))).send())
                .hasMessageContaining("[Cannot add Template. Storage Domain type is illegal.]")
                .hasMessageContaining("400");
        String singaporeDomainId = domainId("dc2", "sg-data-01");
        assertThatThrownBy(() -> templates.add().template(new TemplateBuilder().name("to-singapore")
                .vm(new VmBuilder().name("par-win11-golden"))
                .storageDomain(new StorageDomainBuilder().id(singaporeDomainId))).send())
                .hasMessageContaining("Storage Domain doesn't exist").hasMessageContaining("400");
    }

    @Test
    void blankTemplateIsListedAndNeitherItNorATemplateInUseCanBeRemoved() {
        TemplatesService templates = dc1.systemService().templatesService();
        List<Template> blank = templates.list().search("name=Blank").send().templates();
        assertThat(blank).extracting(Template::id).containsExactly(BLANK_ID);
        assertThat(blank.get(0).clusterPresent()).isFalse();
        assertThatThrownBy(() -> templates.templateService(BLANK_ID).remove().send())
                .hasMessageContaining("[Cannot remove Template. Removing Blank Template is not allowed.]")
                .hasMessageContaining("409");

        String win10 = templates.list().search("name=win10-22h2 and datacenter=Paris-DC").send().templates().get(0)
                .id();
        assertThatThrownBy(() -> templates.templateService(win10).remove().send())
                .hasMessageContaining("[Cannot delete Template. Template is being used by the following VMs: "
                        + "finance-win10-1,finance-win10-2,finance-win10-3,finance-win10-4,finance-win10-5,"
                        + "finance-win10-6.]")
                .hasMessageContaining("409");
    }

    @Test
    void anUnusedTemplateIsRemovedAfterItsImagesAre() {
        VmsService vms = dc1.systemService().vmsService();
        TemplatesService templates = dc1.systemService().templatesService();
        Vm source = vms.add().vm(new VmBuilder().name("tpl-src-02").cluster(new ClusterBuilder().name("Infra"))
                .template(new TemplateBuilder().name("rhel8-server"))).send().vm();
        fixture.advance(Duration.ofSeconds(10));
        Template created = templates.add().template(new TemplateBuilder().name("short-lived")
                .vm(new VmBuilder().id(source.id()))).send().template();
        assertThatThrownBy(() -> templates.templateService(created.id()).remove().send())
                .hasMessageContaining("[Template's Image is locked (temporarily).]").hasMessageContaining("409");
        fixture.advance(Duration.ofSeconds(90));

        templates.templateService(created.id()).remove().send();
        assertThat(templates.templateService(created.id()).get().send().template().status())
                .isEqualTo(TemplateStatus.LOCKED);
        fixture.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> templates.templateService(created.id()).get().send()).hasMessageContaining("404");
        assertThat(eventCodesFor("short-lived")).contains(50, 251);
    }

    @Test
    void templateXmlConformsToTheApiModel() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        var added = raw.post("templates", "<template><name>raw-golden</name><vm><name>par-win11-golden</name></vm>"
                + "</template>");
        assertThat(added.statusCode()).isEqualTo(202);
        XmlConformanceChecker.assertConforms(added.body(), "template");
        assertThat(added.body()).contains("<status>locked</status>");
        fixture.advance(Duration.ofSeconds(90));
        var list = raw.get("templates");
        assertThat(list.statusCode()).isEqualTo(200);
        XmlConformanceChecker.assertConforms(list.body(), "templates");
        String id = dc1.systemService().templatesService().list().search("name=win11-23h2").send().templates()
                .stream().filter(t -> t.version().versionNumberAsInteger() == 2).findFirst().orElseThrow().id();
        var one = raw.get("templates/" + id);
        XmlConformanceChecker.assertConforms(one.body(), "template");
        assertThat(one.body()).contains("<version_name>2026-10-patches</version_name>");
        XmlConformanceChecker.assertConforms(raw.get("templates/" + id + "/diskattachments?follow=disk").body(),
                "disk_attachments");
    }

    private static String domainId(String site, String name) {
        return fixture.simulator().site(site).engine().read(() -> fixture.simulator().site(site).engine().estate()
                .storageDomains.values().stream().filter(d -> d.name.equals(name)).findFirst().orElseThrow().id);
    }

    private static List<Integer> eventCodesFor(String templateName) {
        return dc1.systemService().eventsService().list().send().events().stream()
                .filter(e -> e.description().contains("Template " + templateName + " "))
                .map(Event::codeAsInteger).toList();
    }
}
