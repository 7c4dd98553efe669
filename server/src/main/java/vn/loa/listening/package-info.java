/**
 * Listening to what people say: sources, the ingest pipeline (parse, validate, normalise,
 * de-duplicate, analyse, store), posts and stories.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Listening",
        allowedDependencies = {"identity", "audit", "platform", "shared"})
package vn.loa.listening;
