package vn.loa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Checks the application modules of {@code server}. The {@code nlp} library lives under the same
 * root package but is a plain library used by modules, not an application module, so it is left
 * out of the model.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LoaApplication.class,
            ApplicationModules.Filters.withoutModule("nlp"));

    @Test
    void modulesOnlyUseEachOthersApis() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
