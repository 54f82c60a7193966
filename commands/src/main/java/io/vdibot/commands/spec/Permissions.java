package io.vdibot.commands.spec;

/**
 * Permission strings. Task commands need {@code vdi:<family>:<verb>}; read-only commands need
 * {@code vdi:view:<what>}; acting on tasks and locks has its own permissions.
 */
public final class Permissions {

    public static final String VM_CREATE = "vdi:vm:create";
    public static final String POOL_CREATE = "vdi:pool:create";
    public static final String POOL_RESIZE = "vdi:pool:resize";
    public static final String POOL_GRANT = "vdi:pool:grant";
    public static final String POOL_REVOKE = "vdi:pool:revoke";
    public static final String POOL_UPDATE = "vdi:pool:update";
    public static final String POOL_DELETE = "vdi:pool:delete";
    public static final String TEMPLATE_CREATE = "vdi:template:create";
    public static final String TEMPLATE_MIGRATE = "vdi:template:migrate";
    public static final String VIEW_INVENTORY = "vdi:view:inventory";
    public static final String VIEW_TASKS = "vdi:view:tasks";
    public static final String VIEW_LOCKS = "vdi:view:locks";
    public static final String VIEW_HELP = "vdi:view:help";
    public static final String TASK_CANCEL = "vdi:task:cancel";
    public static final String TASK_APPROVE = "vdi:task:approve";
    public static final String LOCKS_RELEASE = "vdi:locks:release";

    private Permissions() {
    }
}
