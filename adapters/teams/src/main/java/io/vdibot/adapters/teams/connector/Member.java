package io.vdibot.adapters.teams.connector;

/**
 * A person in a conversation's roster, as the Teams channel service describes them.
 *
 * @param id                the Teams user id ({@code 29:…}), what activities carry in {@code from.id}
 * @param aadObjectId       the Entra ID (Azure AD) object id, stable across renames
 * @param userPrincipalName the UPN, which links the person to the directory
 * @param userRole          Teams' {@code userRole}: {@code user}, or {@code guest} for a guest of the organisation
 *                          (Entra B2B); {@code null} when Teams does not say
 */
public record Member(String id, String aadObjectId, String name, String email, String userPrincipalName,
                     String tenantId, String userRole) {

    /** A person as most rosters list them: no role given. */
    public Member(String id, String aadObjectId, String name, String email, String userPrincipalName,
                  String tenantId) {
        this(id, aadObjectId, name, email, userPrincipalName, tenantId, null);
    }

    /** A guest of the organisation (Entra B2B), whom the bot does not serve. */
    public boolean guest() {
        return "guest".equalsIgnoreCase(userRole);
    }

    /** The address the directory knows the person by: the UPN, else the e-mail address. */
    public String directoryName() {
        if (userPrincipalName != null && !userPrincipalName.isBlank()) {
            return userPrincipalName;
        }
        return email != null && !email.isBlank() ? email : null;
    }
}
