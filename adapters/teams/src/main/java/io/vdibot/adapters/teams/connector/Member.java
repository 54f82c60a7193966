package io.vdibot.adapters.teams.connector;

/**
 * A person in a conversation's roster, as the Teams channel service describes them.
 *
 * @param id                the Teams user id ({@code 29:…}), what activities carry in {@code from.id}
 * @param aadObjectId       the Entra ID (Azure AD) object id, stable across renames
 * @param userPrincipalName the UPN, which links the person to the directory
 */
public record Member(String id, String aadObjectId, String name, String email, String userPrincipalName,
                     String tenantId) {

    /** The address the directory knows the person by: the UPN, else the e-mail address. */
    public String directoryName() {
        if (userPrincipalName != null && !userPrincipalName.isBlank()) {
            return userPrincipalName;
        }
        return email != null && !email.isBlank() ? email : null;
    }
}
