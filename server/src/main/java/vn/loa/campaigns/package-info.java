/**
 * Campaigns: an agency's yearly communication plan and its campaigns (policy, objectives, key messages, audiences,
 * channels, schedule, responsible agencies, budget line, listening keywords); one message written once and adapted per
 * channel (portal article, press release, social post, SMS with its segments and cost, loudspeaker bulletin with its
 * reading time and audio, billboard lines, printable leaflet), human translations into Chăm and Raglai, four-eyes
 * approval with an emergency path and its own log, and publication at the scheduled time through {@code publishing}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns",
        allowedDependencies = {"publishing", "press", "listening", "calendar", "identity", "audit", "platform", "shared"})
package vn.loa.campaigns;
