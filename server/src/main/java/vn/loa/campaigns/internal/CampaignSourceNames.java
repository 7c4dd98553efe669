package vn.loa.campaigns.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.SourceLookup;

/**
 * Tells publishing what its references to campaigns stand for: {@code campaign:7} is the campaign's title,
 * {@code message-version:42} (in any language) the message's title and which channel version it is. A reader who may
 * not see the campaign or the message is told nothing of it.
 */
@Component
class CampaignSourceNames implements SourceLookup {

    private static final String CAMPAIGN = "campaign:";
    private static final String VERSION = "message-version:";

    private final JdbcClient jdbc;

    CampaignSourceNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Name> names(Collection<String> references, SignedInUser user) {
        Map<String, Long> campaignIds = new LinkedHashMap<>();
        Map<String, Long> versionIds = new LinkedHashMap<>();
        for (String reference : references) {
            if (reference == null) {
                continue;
            }
            if (reference.startsWith(CAMPAIGN)) {
                put(campaignIds, reference, reference.substring(CAMPAIGN.length()));
            } else if (reference.startsWith(VERSION)) {
                String rest = reference.substring(VERSION.length());
                int language = rest.indexOf(':');
                put(versionIds, reference, language < 0 ? rest : rest.substring(0, language));
            }
        }
        Map<Long, Name> campaigns = campaignIds.isEmpty() ? Map.of() : campaigns(campaignIds.values(), user);
        Map<Long, Name> versions = versionIds.isEmpty() ? Map.of() : versions(versionIds.values(), user);
        Map<String, Name> names = new HashMap<>();
        campaignIds.forEach((reference, id) -> {
            if (campaigns.containsKey(id)) {
                names.put(reference, campaigns.get(id));
            }
        });
        versionIds.forEach((reference, id) -> {
            if (versions.containsKey(id)) {
                names.put(reference, versions.get(id));
            }
        });
        return names;
    }

    private Map<Long, Name> campaigns(Collection<Long> ids, SignedInUser user) {
        Map<Long, Name> names = new HashMap<>();
        jdbc.sql("SELECT id, agency_code, title FROM campaign WHERE id = ANY(?)").param(distinct(ids))
                .query(rs -> {
                    if (CampaignAccess.maySee(rs.getString("agency_code"), user)) {
                        long id = rs.getLong("id");
                        names.put(id, new Name(rs.getString("title"), null, "/campaigns/" + id));
                    }
                });
        return names;
    }

    private Map<Long, Name> versions(Collection<Long> ids, SignedInUser user) {
        Map<Long, Name> names = new HashMap<>();
        jdbc.sql("""
                SELECT v.id, v.kind, m.id AS message_id, m.agency_code, m.title
                FROM campaign_version v JOIN campaign_message m ON m.id = v.message_id
                WHERE v.id = ANY(?)""").param(distinct(ids))
                .query(rs -> {
                    if (CampaignAccess.maySee(rs.getString("agency_code"), user)) {
                        names.put(rs.getLong("id"), new Name(rs.getString("title"), "campaigns.kind." + rs.getString("kind"),
                                "/campaigns/messages/" + rs.getLong("message_id")));
                    }
                });
        return names;
    }

    private static void put(Map<String, Long> ids, String reference, String id) {
        try {
            ids.put(reference, Long.parseLong(id));
        } catch (NumberFormatException e) {
            // not one of ours after all: left unnamed
        }
    }

    private static Long[] distinct(Collection<Long> ids) {
        return ids.stream().distinct().toArray(Long[]::new);
    }
}
