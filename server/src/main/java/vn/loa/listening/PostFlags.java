package vn.loa.listening;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Flags that other modules put on posts where the listening pages show them, such as "already refuted
 * on dd/MM/yyyy". Listening knows nothing of what the flags mean: a module contributes a bean.
 */
public interface PostFlags {

    /**
     * A flag.
     *
     * @param messageKey the message-bundle key of its text
     * @param arguments the arguments of that text
     * @param path where it leads in Loa, may be null
     */
    record Flag(String messageKey, List<String> arguments, String path) {

        public Flag {
            arguments = List.copyOf(arguments);
        }
    }

    /** The flags of these posts, by post id; posts without a flag are left out. */
    Map<Long, List<Flag>> flagsFor(Collection<Long> postIds);
}
