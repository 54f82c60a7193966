package io.vdibot.rhev.simulator.seed;

import static io.vdibot.rhev.simulator.seed.EstateSeeder.id;

import io.vdibot.rhev.simulator.model.DomainEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.GroupEntity;
import io.vdibot.rhev.simulator.model.RoleEntity;
import io.vdibot.rhev.simulator.model.UserEntity;

/** Seeds the directory every engine shares: roles, authorization domains, groups and users. */
final class DirectorySeeder {

    private final EstateDescription description;
    private final Estate estate;
    private final String site;

    DirectorySeeder(EstateDescription description, Estate estate, String site) {
        this.description = description;
        this.estate = estate;
        this.site = site;
    }

    void seed() {
        for (EstateDescription.Role r : description.roles()) {
            RoleEntity role = new RoleEntity();
            role.id = r.id();
            role.name = r.name();
            role.administrative = r.administrative();
            role.description = r.description();
            estate.roles.put(role.id, role);
        }
        for (String name : description.domains()) {
            DomainEntity domain = new DomainEntity();
            domain.id = id(site, "domain", name);
            domain.name = name;
            estate.domains.put(domain.id, domain);
        }
        for (EstateDescription.Group g : description.groups()) {
            GroupEntity group = new GroupEntity();
            group.id = g.id() != null ? g.id() : id(site, "group", g.name());
            group.name = g.name();
            group.domainId = id(site, "domain", g.domain());
            group.namespace = "*";
            estate.groups.put(group.id, group);
        }
        for (EstateDescription.User u : description.users()) {
            UserEntity user = new UserEntity();
            user.id = u.id() != null ? u.id() : id(site, "user", u.name());
            user.userName = u.name() + "@" + u.domain();
            user.principal = u.name();
            user.firstName = u.first();
            user.lastName = u.last();
            user.email = u.email();
            user.domainId = id(site, "domain", u.domain());
            user.namespace = "*";
            if (u.groups() != null) {
                u.groups().forEach(g -> user.groupIds.add(groupId(estate, g)));
            }
            estate.users.put(user.id, user);
        }
    }

    static String groupId(Estate estate, String name) {
        return estate.groups.values().stream().filter(g -> g.name.equals(name)).map(g -> g.id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown group " + name));
    }
}
