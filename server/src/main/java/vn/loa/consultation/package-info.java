/**
 * Consultation on draft policies: a draft imported from DOCX and split into its chapters, articles and clauses with
 * their numbering, later versions compared article by article; consultations with their period (an effective-dated
 * minimum with its legal source), questions and audiences, published on the public portal; citizens' contributions
 * verified by a one-time code, organisations' official opinions, moderation; listening's posts about the draft beside
 * them as public opinion; contributions grouped into themes per article by the language engine and corrected by
 * officers; one answer per group, four eyes before publication; every contributor told when answered and when the final
 * text is adopted; the synthesis report in the Decree 30/2020 format.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation",
        allowedDependencies = {"publishing", "listening", "calendar", "identity", "audit", "platform", "shared"})
package vn.loa.consultation;
