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
import vn.loa.identity.AgencyDirectory;
import vn.loa.shared.Actor;

/**
 * Loads the province's agencies from the data files shipped with Loa when none are recorded yet: by default
 * Ninh Thuận as of May 2023 until 30/06/2025, then Khánh Hòa from 01/07/2025 (after the merger, with no
 * district level and the departments as merged in 2025), and which unit took over from which.
 */
@Component
@Order(0)
class AgencySeed implements ApplicationRunner {

    static final String UNITS = "classpath:identity/agencies-ninh-thuan-2023.csv,classpath:identity/agencies-2025-khanh-hoa.csv";
    static final String SUCCESSIONS = "classpath:identity/successions-2025-khanh-hoa.csv";

    private final AgencyDirectory agencies;
    private final ResourceLoader files;
    private final String[] units;
    private final String[] successions;

    AgencySeed(AgencyDirectory agencies, ResourceLoader files, @Value("${loa.identity.agency-seed:" + UNITS + "}") String[] units,
            @Value("${loa.identity.agency-seed-successions:" + SUCCESSIONS + "}") String[] successions) {
        this.agencies = agencies;
        this.files = files;
        this.units = units;
        this.successions = successions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!agencies.isEmpty()) {
            return;
        }
        // every file of units first: a succession names units of two files
        for (String location : units) {
            load(location, true);
        }
        for (String location : successions) {
            load(location, false);
        }
    }

    private void load(String location, boolean units) throws IOException {
        if (location.isBlank()) {
            return;
        }
        Resource file = files.getResource(location.strip());
        try (InputStream in = file.getInputStream()) {
            agencies.importCsv(file.getFilename(), units ? in : null, units ? null : in, Actor.SYSTEM);
        }
    }
}
