package io.vdibot.rhev.inventory;

/** A directory user known to the engine. @param userName e.g. {@code alice@vdi.example-authz} */
public record UserInfo(String id, String userName, String principal, String email) {
}
