package vn.loa.misinformation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.loa.identity.Role;
import vn.loa.identity.UserAccount;

class EvidenceWordsUnitTests {

    private static final Function<String, String> LOA = username -> username.equals("system") ? "Loa (tự động)" : null;

    @Test
    void namesAPersonByFullNameAndAddsTheLoginIdOnlyWhenTwoAccountsShareTheName() {
        Function<String, String> people = EvidenceWords.people(List.of(account("coordinator", "Nguyễn Thị Lan"),
                account("officer", "Trần Văn Minh"), account("officer2", "Trần  Văn Minh ")), LOA);

        assertThat(people.apply("coordinator")).isEqualTo("Nguyễn Thị Lan");
        assertThat(people.apply("officer")).isEqualTo("Trần Văn Minh (officer)");
        assertThat(people.apply("officer2")).isEqualTo("Trần Văn Minh (officer2)");
    }

    @Test
    void namesLoaItselfAndShowsAnUnknownLoginIdAsItIs() {
        Function<String, String> people = EvidenceWords.people(List.of(account("coordinator", "Nguyễn Thị Lan")), LOA);

        assertThat(people.apply("system")).isEqualTo("Loa (tự động)");
        assertThat(people.apply("former-officer")).isEqualTo("former-officer");
        assertThat(people.apply(null)).isEmpty();
    }

    private static UserAccount account(String username, String fullName) {
        return new UserAccount(1L, username, fullName, username + "@example.vn", null, Set.of(Role.COORDINATOR), true, null,
                Instant.EPOCH, null, false);
    }
}
