package io.vdibot.rhev.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An engine user and the VMs assigned to them: those on which the user holds a non-administrative role (UserRole
 * from taking a pool VM, UserVmManager on a personal desktop, …). Grants to groups are not expanded: the engine
 * does not list a group's members, the directory does.
 */
public record UserDesktops(UserInfo user, List<VmInfo> vms) {

    public UserDesktops {
        vms = List.copyOf(vms);
    }

    /** Every user with at least one assigned VM, by user name; users the engine no longer lists are skipped. */
    public static List<UserDesktops> of(List<VmInfo> vms, List<UserInfo> users, List<RoleInfo> roles) {
        Set<String> adminRoles = new HashSet<>();
        roles.stream().filter(RoleInfo::administrative).forEach(r -> adminRoles.add(r.id()));
        Map<String, UserInfo> usersById = new LinkedHashMap<>();
        users.forEach(u -> usersById.put(u.id(), u));
        Map<String, List<VmInfo>> assigned = new LinkedHashMap<>();
        for (VmInfo vm : vms) {
            vm.permissions().stream()
                    .filter(p -> p.toUser() && !adminRoles.contains(p.roleId()) && usersById.containsKey(p.userId()))
                    .map(PermissionInfo::userId).distinct()
                    .forEach(user -> assigned.computeIfAbsent(user, u -> new ArrayList<>()).add(vm));
        }
        List<UserDesktops> out = new ArrayList<>();
        assigned.forEach((user, list) -> out.add(new UserDesktops(usersById.get(user), list)));
        out.sort(Comparator.comparing(d -> d.user().userName(), String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(out);
    }
}
