/**
 * The misinformation desk: cases of false or harmful information, from intake (an alert, a story, a
 * citizen's report, an officer) through triage, assignment and verification to a published
 * refutation or a police referral with preserved evidence; repeats of refuted claims.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Misinformation",
        allowedDependencies = {"listening", "identity", "audit", "platform", "shared"})
package vn.loa.misinformation;
