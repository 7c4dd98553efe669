package vn.loa.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.CommuneProfiles;
import vn.loa.shared.Actor;

/**
 * Loads the communes' profiles shipped with Loa (made by {@code tools/make-commune-profiles.py}) when none is recorded,
 * after the agencies they belong to.
 */
@Component
@Order(1)
class CommuneProfileSeed implements ApplicationRunner {

    static final String PROFILES = "classpath:identity/commune-profiles-2025-khanh-hoa.csv";

    private final CommuneProfiles profiles;
    private final ResourceLoader files;
    private final String location;

    CommuneProfileSeed(CommuneProfiles profiles, ResourceLoader files,
            @Value("${loa.identity.commune-profile-seed:" + PROFILES + "}") String location) {
        this.profiles = profiles;
        this.files = files;
        this.location = location;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (location.isBlank() || !profiles.isEmpty()) {
            return;
        }
        Resource file = files.getResource(location.strip());
        try (InputStream in = file.getInputStream()) {
            profiles.importCsv(file.getFilename(), in, Actor.SYSTEM);
        }
    }
}
