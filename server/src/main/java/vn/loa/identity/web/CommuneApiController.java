package vn.loa.identity.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.CommuneProfiles;
import vn.loa.identity.CommuneProfiles.CommuneProfile;
import vn.loa.identity.CommuneProfiles.Minority;
import vn.loa.shared.LocalTime;

/**
 * {@code /api/v1/communes}: the province's communes today with their flags for campaigns' audiences, and the
 * schematic tile map of them as GeoJSON (one hexagon per commune near its place; not boundaries).
 */
@RestController
@RequestMapping("/api/v1/communes")
class CommuneApiController {

    static final String MAP = "identity/communes-khanh-hoa-2025.geojson";

    private final CommuneProfiles profiles;
    private final Clock clock;

    CommuneApiController(CommuneProfiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    record CommuneView(String code, String nameVi, String nameEn, List<String> formerDistricts, Set<Minority> minorities,
            boolean remote, String source) {
    }

    @GetMapping
    List<CommuneView> communes() {
        LocalDate today = clock.instant().atZone(LocalTime.ZONE).toLocalDate();
        return profiles.onDay(today).stream().map(CommuneApiController::view).toList();
    }

    /** The tile map, as shipped: every feature's {@code code} property is a commune's code. */
    @GetMapping(value = "/map", produces = "application/geo+json")
    ResponseEntity<byte[]> map() throws IOException {
        try (InputStream in = new ClassPathResource(MAP).getInputStream()) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                    .header("Cache-Control", "private, max-age=3600").body(in.readAllBytes());
        }
    }

    private static CommuneView view(CommuneProfile p) {
        return new CommuneView(p.code(), p.nameVi(), p.nameEn(), p.formerDistricts(), p.minorities(), p.remote(),
                p.source());
    }
}
