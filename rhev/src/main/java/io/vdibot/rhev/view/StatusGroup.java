package io.vdibot.rhev.view;

import java.util.Locale;

/**
 * The slices of the dashboard's host and VM pies: the engine's many statuses gathered into what a reader acts on.
 * Only {@link #NOT_RESPONDING} and {@link #FAILED} ask for attention: a pool keeps most of its VMs down on purpose,
 * and a host in maintenance was put there by an administrator.
 */
enum StatusGroup {
    UP(false),
    STARTING(false),
    DOWN(false),
    LOCKED(false),
    MAINTENANCE(false),
    OTHER(false),
    NOT_RESPONDING(true),
    FAILED(true);

    private final boolean needsAttention;

    StatusGroup(boolean needsAttention) {
        this.needsAttention = needsAttention;
    }

    boolean needsAttention() {
        return needsAttention;
    }

    /** The message key of the slice's name, e.g. {@code dashboard.pie.status.not-responding}. */
    String messageKey() {
        return "dashboard.pie.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A host's engine status ({@code HostStatus}); null when the engine did not say counts as not responding. */
    static StatusGroup ofHost(String status) {
        if (status == null) {
            return NOT_RESPONDING;
        }
        return switch (status) {
            case "up" -> UP;
            case "installing", "installing_os", "initializing", "reboot", "pending_approval", "unassigned" -> STARTING;
            case "maintenance", "preparing_for_maintenance" -> MAINTENANCE;
            case "down" -> DOWN;
            case "non_responsive", "connecting" -> NOT_RESPONDING;
            case "non_operational", "error", "install_failed", "kdumping" -> FAILED;
            default -> OTHER;
        };
    }

    /** A VM's engine status ({@code VmStatus}); null when the engine did not say counts as not responding. */
    static StatusGroup ofVm(String status) {
        if (status == null) {
            return NOT_RESPONDING;
        }
        return switch (status) {
            case "up" -> UP;
            case "powering_up", "wait_for_launch", "reboot_in_progress", "restoring_state" -> STARTING;
            case "down" -> DOWN;
            case "image_locked" -> LOCKED;
            case "not_responding", "unknown" -> NOT_RESPONDING;
            // migrating, paused, suspended, powering_down, saving_state, unassigned: passing or chosen states
            default -> OTHER;
        };
    }
}
