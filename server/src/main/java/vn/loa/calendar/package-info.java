/**
 * Vietnamese working days as data that explains itself: the public holidays of the Labour Code 2019 (Art. 112),
 * their lunar dates by the Vietnamese lunar calendar (UTC+7), compensatory days (Art. 111(3)), the government's
 * yearly notices entered by administrators with their source document, and periods counted in working or calendar
 * days from the day after an event (Civil Code Art. 147 and 148), each with the days it skipped and why. Deadlines
 * started here move when a day off is entered or withdrawn, and keep the history of every move.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar",
        allowedDependencies = {"identity", "audit", "platform", "shared"})
package vn.loa.calendar;
