package io.vdibot.commands.template;

/**
 * Which version of a template a pool follows: a fixed version number, or always the latest version
 * (the engine then rebuilds stateless pool VMs from each new version).
 *
 * @param number the template version number (1 = base), {@code null} when {@code latest}
 * @param latest follow the latest version
 */
public record TemplateVersionRef(Integer number, boolean latest) {

    public TemplateVersionRef {
        if (latest == (number != null)) {
            throw new IllegalArgumentException("either a version number or latest, not both");
        }
        if (number != null && number < 1) {
            throw new IllegalArgumentException("template versions start at 1");
        }
    }

    public static TemplateVersionRef version(int number) {
        return new TemplateVersionRef(number, false);
    }

    public static TemplateVersionRef latestVersion() {
        return new TemplateVersionRef(null, true);
    }
}
