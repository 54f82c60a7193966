package io.vdibot.rhev.simulator.model;

import java.util.ArrayList;
import java.util.List;

public class UserEntity {
    public String id;
    /** user@authz, e.g. alice@internal-authz. */
    public String userName;
    public String principal;
    public String firstName;
    public String lastName;
    public String email;
    public String domainId;
    public String namespace;
    /** Directory groups the user belongs to. */
    public List<String> groupIds = new ArrayList<>();
}
