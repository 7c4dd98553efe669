package vn.loa.misinformation.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.identity.AgencyNames;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.Languages;

/**
 * What the evidence given to the police says in Vietnamese words where Loa stores codes: a person by full name (with
 * the login id only when two accounts share that name), an agency by its name on the day, a post's topic by its label.
 */
@Component
class EvidenceWords {

    /** The login ids Loa acts under itself, named by the messages {@code names.*}. */
    private static final Set<String> LOA_NAMES = Set.of("system", "citizen", "portal");

    private final Users users;
    private final AgencyNames agencies;
    private final MessageSource messages;

    EvidenceWords(Users users, AgencyNames agencies, MessageSource messages) {
        this.users = users;
        this.agencies = agencies;
        this.messages = messages;
    }

    /** People's names as the accounts are now, to name everyone one package or one capture mentions. */
    Function<String, String> people() {
        return people(users.list(), username -> {
            if (LOA_NAMES.contains(username)) {
                return messages.getMessage("names." + username, null, Languages.VIETNAMESE);
            }
            if (username.startsWith("token:")) {
                return messages.getMessage("names.token", new Object[] {username.substring("token:".length())},
                        Languages.VIETNAMESE);
            }
            return null;
        });
    }

    /**
     * Names login ids by the accounts' full names; a name two accounts share comes with the login id, so that the
     * reader can tell the two apart. The ids Loa acts under (itself, the public, a machine) are named by {@code loa},
     * which gives null for any other; an id no account has is shown as it is.
     */
    static Function<String, String> people(List<UserAccount> accounts, Function<String, String> loa) {
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> sharing = new HashMap<>();
        for (UserAccount account : accounts) {
            if (account.fullName() != null && !account.fullName().isBlank()) {
                String name = account.fullName().strip().replaceAll("\\s+", " ");
                names.put(account.username(), name);
                sharing.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return username -> {
            if (username == null || username.isBlank()) {
                return "";
            }
            String own = loa.apply(username);
            if (own != null) {
                return own;
            }
            String name = names.get(username);
            if (name == null) {
                return username;
            }
            return sharing.get(name.toLowerCase(Locale.ROOT)) > 1 ? name + " (" + username + ")" : name;
        };
    }

    /** An agency's name on the day, in Vietnamese; the code itself when the directory has no such agency. */
    String agency(String code, LocalDate on) {
        return agencies.find(code, on, Languages.VIETNAMESE).orElse(code);
    }

    /** A topic the language engine gave a post ("Suc khoe"), by its Vietnamese label ("Sức khỏe"); null for none. */
    String topic(String topic) {
        if (topic == null || topic.isBlank()) {
            return null;
        }
        return messages.getMessage("topic." + topic.strip().replace(' ', '_'), null, topic, Languages.VIETNAMESE);
    }
}
