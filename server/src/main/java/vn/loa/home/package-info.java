/**
 * The home page: what needs the signed-in user today, by role: the day's emerging issues in plain sentences, open
 * alerts and cases overdue or due today for the province's leaders and coordinators; for an agency's officer or
 * spokesperson, the cases waiting for them, their agency's alerts and issues; for the press, the latest published
 * answers; information requests and press questions overdue or due soon, and the press answers waiting for the
 * user's approval; and for whoever must act on what goes out, the broadcasts their
 * commune must confirm, the campaign messages waiting for their approval and the translations assigned to them. It
 * only reads the other modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home",
        allowedDependencies = {"listening", "misinformation", "transparency", "press", "coordination", "campaigns",
                "publishing", "identity", "platform", "shared"})
package vn.loa.home;
