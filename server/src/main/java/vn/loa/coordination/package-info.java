/**
 * Coordination: directives broken into tasks with the lead and supporting agencies, due dates or a recurrence and the
 * expected result ("5 rõ"); each task followed per occurrence through the agencies' progress reports, with its status
 * class (done on time, done late, in progress within time, overdue), reminders before the due date and escalation to
 * the coordinator and the leader; tasks of a dissolved agency passed to its successors with their history; difficulties
 * and proposals sent to the province through the Department of Information and Communications and answered or
 * forwarded; the province's monthly, quarterly and yearly report on policy communication assembled from Loa's data,
 * edited by officers, issued as a numbered DOCX in the Decree 30/2020 format and sealed with the audit chain's latest
 * hash; and the leader's view of what needs the province's leadership this week.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coordination",
        allowedDependencies = {"listening", "misinformation", "transparency", "press", "campaigns", "consultation",
                "publishing", "calendar", "identity", "audit", "platform", "shared"})
package vn.loa.coordination;
