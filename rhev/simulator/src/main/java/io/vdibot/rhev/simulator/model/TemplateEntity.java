package io.vdibot.rhev.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A template version. All versions of one template share the name; version 1 is the base. */
public class TemplateEntity {
    public static final String BLANK_ID = "00000000-0000-0000-0000-000000000000";

    public String id;
    public String name;
    public String description;
    public String comment;
    public String clusterId;
    /** ok, locked or illegal. */
    public String status = "ok";
    public String osType = "other";
    public String vmType = "desktop";
    public long memoryBytes = 2L << 30;
    public int sockets = 1;
    public int cores = 2;
    public int versionNumber = 1;
    public String versionName = "base version";
    public String baseTemplateId;
    public String sourceVmId;
    public boolean sealed;
    public Instant creationTime;
    public List<String> diskIds = new ArrayList<>();
    public List<NicEntity> nics = new ArrayList<>();

    public boolean isBlank() {
        return BLANK_ID.equals(id);
    }

    public boolean isWindows() {
        return osType != null && osType.startsWith("windows");
    }
}
