/**
 * The append-only, hash-chained record of every state change in Loa, built from the domain
 * events that modules publish.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"platform", "shared"})
package vn.loa.audit;
