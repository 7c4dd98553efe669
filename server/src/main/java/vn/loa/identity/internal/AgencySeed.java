package vn.loa.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.loa.identity.AgencyDirectory;
import vn.loa.shared.Actor;

/** Loads the province's agencies from the data file shipped with Loa when none are recorded yet. */
@Component
@Order(0)
class AgencySeed implements ApplicationRunner {

    private final AgencyDirectory agencies;
    private final Resource seed;

    AgencySeed(AgencyDirectory agencies,
            @Value("${loa.identity.agency-seed:classpath:identity/agencies-ninh-thuan-2023.csv}") Resource seed) {
        this.agencies = agencies;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!agencies.isEmpty()) {
            return;
        }
        try (InputStream in = seed.getInputStream()) {
            agencies.importCsv(seed.getFilename(), in, null, Actor.SYSTEM);
        }
    }
}
