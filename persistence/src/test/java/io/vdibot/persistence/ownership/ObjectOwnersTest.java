package io.vdibot.persistence.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.persistence.TestDatabase;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A created object belongs to its creator; an administrator hands it to a group or back to administrators. */
class ObjectOwnersTest {

    private final ObjectOwners owners = new ObjectOwners(TestDatabase.dataSource(), Clock.systemUTC());

    @Test
    void theCreatorOwnsUntilAGroupIsAssignedAndNobodyAfterTheObjectIsForgotten() {
        String pool = TestDatabase.unique("pool");
        assertThat(owners.find("pool", "dc1", pool)).isEmpty();

        owners.recordCreator("pool", "dc1", pool, "alice", "T1001");
        ObjectOwner created = owners.find("pool", "dc1", pool).orElseThrow();
        assertThat(created.ownedBy("ALICE", Set.of())).isTrue();
        assertThat(created.ownedBy("bob", Set.of("vdi-requesters"))).isFalse();
        assertThat(created.createdByTask()).isEqualTo("T1001");
        assertThat(owners.find("pool", "dc2", pool)).as("another site's pool of that name").isEmpty();

        owners.assignGroup("pool", "dc1", pool, "Finance-Desk", "carol");
        ObjectOwner assigned = owners.find("pool", "dc1", pool).orElseThrow();
        assertThat(assigned.ownedBy("alice", Set.of())).as("the creator, not a member").isFalse();
        assertThat(assigned.ownedBy("bob", Set.of("finance-desk"))).isTrue();
        assertThat(assigned.changedBy()).isEqualTo("carol");
        assertThat(assigned.createdByTask()).as("who created it stays known").isEqualTo("T1001");

        owners.assignGroup("pool", "dc1", pool, null, "carol");
        assertThat(owners.find("pool", "dc1", pool)).isEmpty();
        assertThat(owners.forget("pool", "dc1", pool)).isFalse();
    }

    @Test
    void aPoolCreatedAgainUnderAnOldNameBelongsToItsNewCreatorAlone() {
        String pool = TestDatabase.unique("pool");
        owners.assignGroup("pool", "dc1", pool, "finance-desk", "carol");
        owners.recordCreator("pool", "dc1", pool, "bob", "T1002");

        ObjectOwner owner = owners.find("pool", "dc1", pool).orElseThrow();
        assertThat(owner.ownerGroup()).isNull();
        assertThat(owner.ownedBy("bob", Set.of())).isTrue();
        assertThat(owners.forget("pool", "dc1", pool)).isTrue();
    }
}
