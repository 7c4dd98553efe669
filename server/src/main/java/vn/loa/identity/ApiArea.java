package vn.loa.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of the API a token may be limited to, each by the addresses under {@code /api/v1} it covers: a newsroom
 * connector that imports posts needs listening, not the misinformation desk's cases or the press enquiries. Who the
 * caller is and the agencies' list ({@code /api/v1/me}, {@code /agencies}) and the API's own description belong to
 * every area; any other address of no area is refused to a limited token.
 */
public enum ApiArea {

    LISTENING("posts", "alerts", "trends", "overview"),
    MISINFORMATION("cases", "evidence"),
    CAMPAIGNS("campaigns", "messages", "broadcasts", "communes", "resources"),
    TRANSPARENCY("information-requests", "disclosure-items", "calendar"),
    PRESS("press"),
    CONSULTATION("consultations"),
    COORDINATION("directives", "tasks", "difficulties", "reports"),
    ADMINISTRATION("admin");

    private final List<String> prefixes;

    ApiArea(String... segments) {
        this.prefixes = Arrays.stream(segments).map(s -> "/api/v1/" + s).toList();
    }

    /** The code stored and sent by forms ({@code listening}, ...). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message bundles' key of its name. */
    public String messageKey() {
        return "tokens.area." + code();
    }

    /** The area of a code; empty for an unknown one. */
    public static Optional<ApiArea> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
    }

    /** Addresses every token may call, whatever its areas: who it is, the agencies, the API's description. */
    private static final List<String> EVERY_AREA = List.of("/api/v1/me", "/api/v1/agencies", "/v3/api-docs");

    /** Whether a token limited to {@code areas} (none: every area) may call the address (its path). */
    public static boolean allows(java.util.Set<ApiArea> areas, String path) {
        return areas.isEmpty() || EVERY_AREA.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/")
                || path.startsWith(p + ".")) || of(path).filter(areas::contains).isPresent();
    }

    /** The area an address of the API belongs to (its path, without the context path); empty for none. */
    public static Optional<ApiArea> of(String path) {
        for (ApiArea area : values()) {
            for (String prefix : area.prefixes) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return Optional.of(area);
                }
            }
        }
        return Optional.empty();
    }
}
